package dev.aebench.pca;

import dev.aebench.core.error.UserError;

/**
 * Validated PCA settings: the number of components and the eigen-solver.
 *
 * @param method {@code subspace} (block subspace iteration on the covariance with oversampling,
 *               run to convergence; fast) or {@code exact} (full symmetric eigendecomposition
 *               with Apache Commons Math; slow but the textbook answer)
 */
public record PcaOptions(int k, String method) {
    public PcaOptions {
        if (k < 1) {
            throw new UserError("k: expected a number of components >= 1, found " + k);
        }
        if (!method.equals("subspace") && !method.equals("exact")) {
            throw new UserError("method: expected subspace or exact, found " + method);
        }
    }
}
