package dev.aebench.pca;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.Evaluation;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PcaModelTest {
    private final Kernels kernels = new VectorKernels(2);
    private final Dataset data = SyntheticImages.generate(600, 10, 6, 3);

    @AfterEach
    void close() {
        kernels.close();
    }

    private PcaModel fit(int k, String method) {
        PcaModel m = new PcaModel(new PcaOptions(k, method), new ModelContext(10, 10, 1, kernels));
        m.fit(data, 1, EpochListener.NONE);
        return m;
    }

    /** Reference: SVD of the centred data in double (Commons Math), independent of our covariance and solvers. */
    private double[] singularValuesSquared() {
        int n = data.size();
        int d = data.dim();
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.x()[r * d + j] / n;
            }
        }
        double[][] x = new double[n][d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                x[r][j] = data.x()[r * d + j] - mean[j];
            }
        }
        double[] s = new SingularValueDecomposition(new Array2DRowRealMatrix(x, false)).getSingularValues();
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] * s[i];
        }
        return out;
    }

    @Test
    void reconstructionErrorIsTheDiscardedVariance() {
        double[] s2 = singularValuesSquared();
        for (int k : new int[] {1, 5, 12}) {
            for (String method : new String[] {"subspace", "exact"}) {
                PcaModel m = fit(k, method);
                double discarded = 0;
                for (int i = k; i < s2.length; i++) {
                    discarded += s2[i];
                }
                double expected = discarded / ((double) data.size() * data.dim());
                assertEquals(expected, Evaluation.reconstructionMse(m, data), expected * 1e-3 + 1e-9, method + " k=" + k);
            }
        }
    }

    @Test
    void eigenvaluesMatchTheSvd() {
        double[] s2 = singularValuesSquared();
        double[] ev = fit(8, "subspace").eigenvalues();
        for (int i = 0; i < 8; i++) {
            assertEquals(s2[i] / (data.size() - 1), ev[i], s2[0] / (data.size() - 1) * 1e-4, "eigenvalue " + i);
        }
    }

    @Test
    void componentsAreOrthonormal() {
        int k = 10;
        float[] v = fit(k, "subspace").components();
        int d = data.dim();
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += (double) v[i * k + a] * v[i * k + b];
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-4);
            }
        }
    }

    @Test
    void autoPicksTheSolverByK() {
        assertEquals("subspace", new PcaOptions(32, "auto").solver());
        assertEquals("exact", new PcaOptions(256, "auto").solver());
        assertEquals("exact", new PcaOptions(8, "exact").solver());
    }

    @Test
    void badOptionsAreUserErrors() {
        assertThrows(UserError.class, () -> new PcaOptions(0, "auto"));
        assertThrows(UserError.class, () -> new PcaOptions(3, "svd"));
    }
}
