package dev.aebench.core.checkpoint;

/** A checkpoint file that cannot be trusted: truncated, torn, not a checkpoint, or of another format version. */
public final class DamagedCheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    public DamagedCheckpointException(String message) {
        super(message);
    }
}
