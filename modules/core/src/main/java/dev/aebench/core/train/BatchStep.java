package dev.aebench.core.train;

/** One optimisation step on a batch; returns the batch's objective value. */
@FunctionalInterface
public interface BatchStep {
    /**
     * @param batch rows x dim clean inputs (the reconstruction target)
     * @param rows  rows in this batch (the last batch of an epoch may be short)
     * @param seed  a seed unique to this step, for corruption and sampling
     */
    double step(float[] batch, int rows, long seed);
}
