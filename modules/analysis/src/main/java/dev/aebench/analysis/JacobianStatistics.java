package dev.aebench.analysis;

import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.kernel.Kernels;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.Arrays;

/**
 * Per-point Jacobian figures of an encoder. For each point the exact Jacobian J (code x input)
 * comes from the encoder, then the Gram {@code J J^T} (code x code, on the kernels' GEMM; the
 * input-side {@code J^T J} when the code is wider). The Frobenius norm is the square root of its
 * trace; the singular values of J are the square roots of its eigenvalues (one symmetric
 * eigensolve, Commons Math), sorted from the largest.
 */
final class JacobianStatistics {
    private final Kernels kernels;
    private final DifferentiableEncoder encoder;
    private final int code;
    private final int in;
    private final int side;

    JacobianStatistics(Kernels kernels, DifferentiableEncoder encoder) {
        this.kernels = kernels;
        this.encoder = encoder;
        this.code = encoder.codeDim();
        this.in = encoder.inputDim();
        this.side = Math.min(code, in);
    }

    /** The norms of the Jacobians at {@code rows} points of {@code x}, and, when {@code spectra} is not null, their singular values into {@code spectra[r]}. */
    double[] norms(float[] x, int rows, double[][] spectra, int spectrumRows) {
        int chunk = encoder.jacobianRows();
        float[] jac = new float[chunk * code * in];
        float[] gram = new float[side * side];
        double[] norms = new double[rows];
        for (int s = 0; s < rows; s += chunk) {
            int n = Math.min(chunk, rows - s);
            encoder.jacobians(Arrays.copyOfRange(x, s * in, (s + n) * in), n, jac);
            for (int r = 0; r < n; r++) {
                gram(jac, r * code * in, gram);
                double trace = 0;
                for (int i = 0; i < side; i++) {
                    trace += gram[i * side + i];
                }
                norms[s + r] = Math.sqrt(Math.max(trace, 0));
                if (spectra != null && s + r < spectrumRows) {
                    spectra[s + r] = singularValues(gram, side);
                }
            }
        }
        return norms;
    }

    private void gram(float[] jac, int off, float[] out) {
        if (code <= in) {
            kernels.gemm(false, true, code, code, in, jac, off, in, jac, off, in, false, out, 0, code);
        } else {
            kernels.gram(in, code, jac, off, in, false, out, 0, in);
        }
    }

    /** Square roots of the eigenvalues of a symmetric {@code n x n} Gram matrix, largest first. */
    static double[] singularValues(float[] gram, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.5 * ((double) gram[i * n + j] + gram[j * n + i]);
            }
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(a, false)).getRealEigenvalues();
        double[] sv = new double[n];
        for (int i = 0; i < n; i++) {
            sv[i] = Math.sqrt(Math.max(ev[i], 0));
        }
        Arrays.sort(sv);
        for (int i = 0; i < n / 2; i++) {
            double t = sv[i];
            sv[i] = sv[n - 1 - i];
            sv[n - 1 - i] = t;
        }
        return sv;
    }

    /** Singular values above {@code fraction} of the largest. */
    static int countAbove(double[] sorted, double fraction) {
        int c = 0;
        for (double v : sorted) {
            if (v > fraction * sorted[0]) {
                c++;
            }
        }
        return c;
    }
}
