package dev.aebench.core.train;

/** Training produced a non-finite loss; the runner records the trial as {@code diverged}. */
public final class DivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DivergedException(int epoch, long step, double loss) {
        super("diverged: loss " + loss + " at epoch " + epoch + ", step " + step);
    }
}
