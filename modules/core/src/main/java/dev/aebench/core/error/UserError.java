package dev.aebench.core.error;

/**
 * A mistake in what the user asked for (a missing file, a bad value, an unknown name), as
 * opposed to a bug. The command line prints only the message, on one line, and exits 2.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message, null, false, false);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
