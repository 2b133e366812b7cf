package dev.aebench.core.kernel;

/**
 * Reconstruction losses. Both are means over every element (pixels times batch rows), the
 * PyTorch default reduction, so the value does not depend on the batch size.
 */
public enum LossKind {
    /** Mean squared error. */
    MSE,
    /** Binary cross-entropy against targets in [0,1]; predictions are clamped to [1e-7, 1-1e-7]. */
    BCE
}
