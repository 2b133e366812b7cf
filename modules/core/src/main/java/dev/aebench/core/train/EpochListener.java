package dev.aebench.core.train;

/** Told after each epoch; used for progress lines. */
@FunctionalInterface
public interface EpochListener {
    void epochDone(int epoch, int epochs, double meanLoss, double seconds);

    EpochListener NONE = (e, n, l, s) -> { };
}
