package dev.aebench.probe;

import dev.aebench.core.kernel.Kernels;

/**
 * The preconditioner of {@link LbfgsProbeFit}: {@code M = Z^T Z / n + ridge * I} (estimated from
 * a sample of rows), the second moment of the design matrix's rows (standardised codes and the intercept's 1), held as its
 * Cholesky factor. The softmax objective's Hessian is {@code Z^T diag-blocks Z / n}, so M^-1 takes
 * out the correlation between codes that makes plain gradient steps slow; L-BFGS starts its
 * inverse-Hessian estimate from a multiple of it. {@link #solve} applies M^-1 to each class's
 * column of a {@code cols x classes} matrix.
 */
final class SecondMoment {
    private final int cols;
    private final int classes;
    private final double[] factor; // lower triangle, row-major cols x cols

    private SecondMoment(int cols, int classes, double[] factor) {
        this.cols = cols;
        this.classes = classes;
        this.factor = factor;
    }

    /** Rows of Z the second moment is estimated from, at most: every (rows / SAMPLE)-th row. */
    static final int SAMPLE = 16_384;

    /**
     * From Z ({@code rows x cols}): at most {@value #SAMPLE} evenly spaced rows, whose product
     * {@code Zs^T Zs} is one plain GEMM on the kernels, then a Cholesky factorisation. (The
     * kernels' Gram product measured 1.9 s on its first call in a trial's JVM, against 0.2 s
     * warm; a preconditioner needs no more than an estimate.)
     */
    static SecondMoment of(Kernels kernels, float[] z, int rows, int cols, int classes, double ridge) {
        int step = Math.max(1, rows / SAMPLE);
        int sampled = (rows + step - 1) / step;
        float[] zs = new float[sampled * cols];
        for (int i = 0; i < sampled; i++) {
            System.arraycopy(z, i * step * cols, zs, i * cols, cols);
        }
        float[] zst = FeatureStandardizer.transpose(zs, sampled, cols);
        float[] gram = new float[cols * cols];
        kernels.gemm(false, false, cols, cols, sampled, zst, 0, sampled, zs, 0, cols, false, gram, 0, cols);
        double[] a = new double[cols * cols];
        for (int k = 0; k < a.length; k++) {
            a[k] = gram[k] / (double) sampled;
        }
        for (int j = 0; j < cols; j++) {
            a[j * cols + j] += ridge;
        }
        return new SecondMoment(cols, classes, cholesky(a, cols, ridge));
    }

    /** The identity (no preconditioning). */
    static SecondMoment identity(int cols, int classes) {
        double[] eye = new double[cols * cols];
        for (int j = 0; j < cols; j++) {
            eye[j * cols + j] = 1.0;
        }
        return new SecondMoment(cols, classes, eye);
    }

    /** {@code M^-1 v} for v a {@code cols x classes} matrix (row-major), as a new array. */
    double[] solve(double[] v) {
        double[] x = v.clone();
        double[] l = factor;
        int k = classes;
        for (int i = 0; i < cols; i++) { // L u = v
            int ri = i * k;
            for (int j = 0; j < i; j++) {
                double lij = l[i * cols + j];
                int rj = j * k;
                for (int c = 0; c < k; c++) {
                    x[ri + c] -= lij * x[rj + c];
                }
            }
            double inv = 1.0 / l[i * cols + i];
            for (int c = 0; c < k; c++) {
                x[ri + c] *= inv;
            }
        }
        for (int i = cols - 1; i >= 0; i--) { // L^T x = u
            int ri = i * k;
            double inv = 1.0 / l[i * cols + i];
            for (int c = 0; c < k; c++) {
                x[ri + c] *= inv;
            }
            for (int j = 0; j < i; j++) {
                double lij = l[i * cols + j];
                int rj = j * k;
                for (int c = 0; c < k; c++) {
                    x[rj + c] -= lij * x[ri + c];
                }
            }
        }
        return x;
    }

    /**
     * In place, lower triangle. A pivot below {@code floor} times its diagonal entry (or not a
     * number) is raised to that: nearly collinear codes (saturated or duplicated units, whose
     * standardised values are mostly float rounding) make the float estimate indefinite, and
     * any symmetric positive definite M is a valid preconditioner.
     */
    /** The smallest diagonal a pivot's floor is relative to: a constant (standardised to zero) column has none. */
    static final double MIN_SCALE = 1e-3;

    static double[] cholesky(double[] a, int n, double floor) {
        for (int j = 0; j < n; j++) {
            double diagonal = a[j * n + j];
            double d = diagonal;
            for (int p = 0; p < j; p++) {
                d -= a[j * n + p] * a[j * n + p];
            }
            double least = floor * Math.max(Double.isFinite(diagonal) ? Math.abs(diagonal) : 1.0, MIN_SCALE);
            if (!(d >= least)) {
                d = least;
            }
            double ljj = Math.sqrt(d);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int p = 0; p < j; p++) {
                    s -= a[i * n + p] * a[j * n + p];
                }
                a[i * n + j] = Double.isFinite(s) ? s / ljj : 0.0;
            }
            for (int p = j + 1; p < n; p++) {
                a[j * n + p] = 0.0;
            }
        }
        return a;
    }
}
