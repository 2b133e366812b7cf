package dev.aebench.analysis;

import dev.aebench.core.jacobian.DenseEncoder;
import dev.aebench.core.jacobian.LinearEncoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.ParameterArena;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Norms and spectra against Commons Math's SVD of the central finite-difference Jacobian. */
class JacobianStatisticsTest {

    @Test
    void deepSigmoidEncoderSpectrumMatchesSvdOfFiniteDifferences() {
        check(new int[] {12, 9, 6}, Activation.SIGMOID, Activation.SIGMOID);
    }

    @Test
    void tanhEncoderWithLinearCodeMatches() {
        check(new int[] {10, 7, 4}, Activation.TANH, Activation.IDENTITY);
    }

    @Test
    void linearEncoderHasTheSingularValuesOfItsMatrix() {
        double[][] a = TestEncoders.randomMatrix(4, 9, 3);
        TestEncoders.Linear f = new TestEncoders.Linear(a);
        try (Kernels ks = new VectorKernels(1)) {
            double[][] spectra = new double[2][];
            double[] norms = new JacobianStatistics(ks, new LinearEncoder(f, f.flat()))
                    .norms(TestEncoders.uniform(2 * 9, 4), 2, spectra, 2);
            double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(a)).getSingularValues();
            double frob = 0;
            for (double s : sv) {
                frob += s * s;
            }
            for (int r = 0; r < 2; r++) {
                assertEquals(Math.sqrt(frob), norms[r], 1e-4 * Math.sqrt(frob));
                for (int i = 0; i < sv.length; i++) {
                    assertEquals(sv[i], spectra[r][i], 1e-4 * sv[0]);
                }
            }
        }
    }

    @Test
    void countsAboveAFractionOfTheLargest() {
        double[] s = {10, 2, 0.5, 0.09, 0};
        assertEquals(3, JacobianStatistics.countAbove(s, 0.01));
        assertEquals(2, JacobianStatistics.countAbove(s, 0.10));
    }

    private static void check(int[] sizes, Activation hidden, Activation code) {
        try (Kernels ks = new VectorKernels(1)) {
            ParameterArena arena = new ParameterArena();
            List<DenseLayer> layers = new ArrayList<>();
            for (int t = 1; t < sizes.length; t++) {
                layers.add(new DenseLayer(ks, arena, sizes[t - 1], sizes[t], t == sizes.length - 1 ? code : hidden, 4));
            }
            arena.seal();
            for (int t = 0; t < layers.size(); t++) {
                layers.get(t).initUniform(20 + t);
            }
            float[] p = arena.params();
            for (int i = 0; i < p.length; i++) {
                p[i] *= 2f;
            }
            TestEncoders.Stack f = new TestEncoders.Stack(layers);
            int in = sizes[0];
            int c = sizes[sizes.length - 1];
            int rows = 3;
            float[] x = TestEncoders.uniform(rows * in, 9);
            double[][] spectra = new double[rows][];
            double[] norms = new JacobianStatistics(ks, new DenseEncoder(f, ks, layers, 4)).norms(x, rows, spectra, rows);
            for (int r = 0; r < rows; r++) {
                double[][] fd = finiteDifferences(f, Arrays.copyOfRange(x, r * in, (r + 1) * in), c, 1e-2f);
                double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(fd)).getSingularValues();
                double frob = 0;
                for (double s : sv) {
                    frob += s * s;
                }
                assertEquals(Math.sqrt(frob), norms[r], 2e-3 * Math.sqrt(frob), "norm at row " + r);
                for (int i = 0; i < sv.length; i++) {
                    assertEquals(sv[i], spectra[r][i], 2e-3 * sv[0] + 1e-4, "singular value " + i + " at row " + r);
                }
            }
        }
    }

    static double[][] finiteDifferences(TestEncoders.Stack f, float[] x, int code, float h) {
        double[][] j = new double[code][x.length];
        float[] yp = new float[code];
        float[] ym = new float[code];
        for (int i = 0; i < x.length; i++) {
            float[] plus = x.clone();
            float[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            f.encode(plus, 1, yp);
            f.encode(minus, 1, ym);
            for (int k = 0; k < code; k++) {
                j[k][i] = ((double) yp[k] - ym[k]) / ((double) plus[i] - minus[i]);
            }
        }
        return j;
    }
}
