package dev.aebench.core.train;

/** One optimisation step on a batch and its labels (a classifier's); returns the batch's objective. */
@FunctionalInterface
public interface LabelledBatchStep {
    /**
     * @param batch  rows x dim inputs
     * @param labels the rows' class labels (the first {@code rows} entries)
     * @param rows   rows in this batch (the last batch of an epoch may be short)
     * @param seed   a seed unique to this step
     */
    double step(float[] batch, int[] labels, int rows, long seed);
}
