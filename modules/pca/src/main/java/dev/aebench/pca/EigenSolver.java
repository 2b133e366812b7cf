package dev.aebench.pca;

import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.linalg.GramSchmidt;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Top-k eigenvectors of a symmetric positive semi-definite matrix, two ways: Commons Math's full
 * decomposition, or block subspace iteration (multiply by the matrix, re-orthonormalise, repeat;
 * Rayleigh-Ritz at the end) with oversampling, stopped when the top-k Ritz values settle.
 */
final class EigenSolver {
    private static final int MAX_ITERATIONS = 300;
    private static final double TOLERANCE = 2e-6;

    private EigenSolver() {
    }

    /** Eigenpairs: {@code vectors} is d x k row-major (column c is eigenvector c), values descending. */
    record Eigen(float[] vectors, double[] values, int iterations) {
    }

    static Eigen exact(float[] a, int d, int k) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i][j] = 0.5 * (a[i * d + j] + a[j * d + i]);
            }
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
        double[] all = e.getRealEigenvalues();
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -all[i]));
        float[] v = new float[d * k];
        double[] values = new double[k];
        RealMatrix vecs = e.getV();
        for (int c = 0; c < k; c++) {
            values[c] = all[order[c]];
            for (int i = 0; i < d; i++) {
                v[i * k + c] = (float) vecs.getEntry(i, order[c]);
            }
        }
        return new Eigen(v, values, 1);
    }

    static Eigen subspace(float[] a, int d, int k, long seed, Kernels kernels) {
        int b = Math.min(d, k + Math.max(10, k / 2));
        float[] q = new float[d * b];
        float[] z = new float[d * b];
        for (int i = 0; i < q.length; i++) {
            q[i] = CounterRandom.gaussian(seed, i);
        }
        orthonormalize(q, d, b);
        double[] previous = null;
        double[] ritz = null;
        int it = 0;
        while (it < MAX_ITERATIONS) {
            it++;
            kernels.gemm(false, false, d, b, d, a, 0, d, q, 0, b, false, z, 0, b);
            if (it % 5 == 0) {
                ritz = columnNorms(q, z, d, b);
                if (previous != null && converged(previous, ritz, k)) {
                    System.arraycopy(z, 0, q, 0, z.length);
                    orthonormalize(q, d, b);
                    break;
                }
                previous = ritz;
            }
            System.arraycopy(z, 0, q, 0, z.length);
            orthonormalize(q, d, b);
        }
        return rayleighRitz(a, q, d, b, k, it, kernels);
    }

    /** Rayleigh quotients q_c^T A q_c (with z = A q). */
    private static double[] columnNorms(float[] q, float[] z, int d, int b) {
        double[] out = new double[b];
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < b; c++) {
                out[c] += (double) q[i * b + c] * z[i * b + c];
            }
        }
        Arrays.sort(out);
        for (int i = 0; i < b / 2; i++) {
            double t = out[i];
            out[i] = out[b - 1 - i];
            out[b - 1 - i] = t;
        }
        return out;
    }

    private static boolean converged(double[] prev, double[] cur, int k) {
        for (int c = 0; c < k; c++) {
            if (Math.abs(cur[c] - prev[c]) > TOLERANCE * Math.abs(cur[0])) {
                return false;
            }
        }
        return true;
    }

    /** Projects A onto span(Q), diagonalises the small b x b matrix, rotates Q. */
    private static Eigen rayleighRitz(float[] a, float[] q, int d, int b, int k, int iterations, Kernels kernels) {
        float[] aq = new float[d * b];
        kernels.gemm(false, false, d, b, d, a, 0, d, q, 0, b, false, aq, 0, b);
        double[][] t = new double[b][b];
        for (int i = 0; i < d; i++) {
            for (int r = 0; r < b; r++) {
                double qr = q[i * b + r];
                for (int c = 0; c < b; c++) {
                    t[r][c] += qr * aq[i * b + c];
                }
            }
        }
        for (int r = 0; r < b; r++) {
            for (int c = r + 1; c < b; c++) {
                double s = 0.5 * (t[r][c] + t[c][r]);
                t[r][c] = s;
                t[c][r] = s;
            }
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(t, false));
        double[] all = e.getRealEigenvalues();
        Integer[] order = new Integer[b];
        for (int i = 0; i < b; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -all[i]));
        RealMatrix s = e.getV();
        float[] v = new float[d * k];
        double[] values = new double[k];
        for (int c = 0; c < k; c++) {
            values[c] = all[order[c]];
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int r = 0; r < b; r++) {
                    sum += q[i * b + r] * s.getEntry(r, order[c]);
                }
                v[i * k + c] = (float) sum;
            }
        }
        return new Eigen(v, values, iterations);
    }

    /** Orthonormalises the columns of a d x b row-major matrix ({@link GramSchmidt}, in double). */
    static void orthonormalize(float[] q, int d, int b) {
        double[][] cols = new double[b][d];
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < b; c++) {
                cols[c][i] = q[i * b + c];
            }
        }
        double[] norms = GramSchmidt.orthonormalize(cols, b, 1e-12);
        for (int c = 0; c < b; c++) {
            if (!(norms[c] > 1e-12)) {
                Arrays.fill(cols[c], 0);
                cols[c][c % d] = 1; // degenerate direction: replace, the next iteration fixes orthogonality
            }
        }
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < b; c++) {
                q[i * b + c] = (float) cols[c][i];
            }
        }
    }
}
