package dev.aebench.core.linalg;

/**
 * Modified Gram-Schmidt in double, each vector projected twice ("twice is enough" for
 * orthogonality to working precision), in place. Vectors are the rows of a
 * {@code double[count][dim]}.
 */
public final class GramSchmidt {
    private GramSchmidt() {
    }

    /**
     * Orthonormalises {@code v[0 .. count)} in order and returns, per vector, its norm after the
     * projections and before normalising. A vector whose norm is not above {@code minNorm} is
     * left unnormalised; the caller decides what a degenerate direction means.
     */
    public static double[] orthonormalize(double[][] v, int count, double minNorm) {
        double[] norms = new double[count];
        for (int c = 0; c < count; c++) {
            double[] x = v[c];
            int d = x.length;
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double[] u = v[p];
                    double dot = dot(u, x, d);
                    for (int i = 0; i < d; i++) {
                        x[i] -= dot * u[i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                norm += x[i] * x[i];
            }
            norm = Math.sqrt(norm);
            norms[c] = norm;
            if (norm > minNorm) {
                for (int i = 0; i < d; i++) {
                    x[i] /= norm;
                }
            }
        }
        return norms;
    }

    /** Four interleaved partial sums (added in a fixed order): four times the throughput of one chain. */
    private static double dot(double[] u, double[] x, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= d; i += 4) {
            s0 += u[i] * x[i];
            s1 += u[i + 1] * x[i + 1];
            s2 += u[i + 2] * x[i + 2];
            s3 += u[i + 3] * x[i + 3];
        }
        for (; i < d; i++) {
            s0 += u[i] * x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
