package dev.aebench.probe;

/**
 * When {@link LbfgsProbeFit} stops (see there), and its preconditioner: {@code M = Z^T Z / n + ridge * I}
 * when {@code precondition}, else the identity.
 */
record LbfgsSettings(int maxIterations, double gradientTolerance, double relativeDecrease, boolean precondition,
                     double ridge) {
    static final LbfgsSettings DEFAULTS = new LbfgsSettings(100, 1e-5, 1e-3, true, 1e-3);

    LbfgsSettings {
        if (maxIterations < 1 || !(gradientTolerance >= 0) || !(relativeDecrease >= 0) || !(ridge > 0)) {
            throw new IllegalArgumentException("bad L-BFGS settings " + maxIterations + ", " + gradientTolerance + ", "
                    + relativeDecrease + ", " + ridge);
        }
    }
}
