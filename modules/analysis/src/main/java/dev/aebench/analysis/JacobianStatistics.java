package dev.aebench.analysis;

import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.kernel.Kernels;

import java.util.Arrays;

/**
 * Per-point Jacobian figures of an encoder. For each point the exact Jacobian J (code x input)
 * comes from the encoder, then the Gram {@code J J^T} (code x code, on the kernels' GEMM; the
 * input-side {@code J^T J} when the code is wider), whose eigenvalues (one symmetric eigensolve, {@link SymmetricEigenvalues})
 * are the squared singular values of J, sorted from the largest. The Frobenius norm is the root
 * of the sum of squares of J.
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

    /**
     * The norms of the Jacobians at {@code rows} points of {@code x}; for the first
     * {@code spectrumRows} of them also their singular values, into {@code spectra[r]}. A norm
     * alone is the root of the sum of squares of J; a spectrum needs the Gram.
     */
    double[] norms(float[] x, int rows, double[][] spectra, int spectrumRows) {
        int chunk = encoder.jacobianRows();
        float[] jac = new float[chunk * code * in];
        float[] gram = new float[side * side];
        double[] norms = new double[rows];
        for (int s = 0; s < rows; s += chunk) {
            int n = Math.min(chunk, rows - s);
            encoder.jacobians(Arrays.copyOfRange(x, s * in, (s + n) * in), n, jac);
            for (int r = 0; r < n; r++) {
                int off = r * code * in;
                double sum = 0;
                for (int i = off, end = off + code * in; i < end; i++) {
                    sum += (double) jac[i] * jac[i];
                }
                norms[s + r] = Math.sqrt(sum);
                if (spectra != null && s + r < spectrumRows) {
                    gram(jac, off, gram);
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
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * n + j] = 0.5 * ((double) gram[i * n + j] + gram[j * n + i]);
            }
        }
        double[] ev = SymmetricEigenvalues.of(a, n);
        double[] sv = new double[n];
        for (int i = 0; i < n; i++) {
            sv[i] = Math.sqrt(Math.max(ev[n - 1 - i], 0));
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
