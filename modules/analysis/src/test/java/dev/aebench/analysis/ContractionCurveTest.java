package dev.aebench.analysis;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Contraction curves of linear encoders f(x) = A x against their analytic values. */
class ContractionCurveTest {

    @Test
    void scaledOrthogonalMapContractsBySameFactorEverywhere() {
        int n = 12;
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(TestEncoders.randomMatrix(n, n, 1))).getQ();
        double s = 0.37;
        double[][] a = q.scalarMultiply(s).getData();
        int rows = 5;
        float[] x = TestEncoders.uniform(rows * n, 2);
        float[] nb = TestEncoders.uniform(rows * n, 3);
        ContractionCurve.Result c;
        try (Kernels ks = new VectorKernels(1)) {
            c = ContractionCurve.measure(new TestEncoders.Linear(a), ks, x, nb, rows, 6, 11);
        }
        for (int k = 0; k < c.radii().length; k++) {
            assertEquals(s, c.random()[k], 1e-4, "random directions at radius " + c.radii()[k]);
            assertEquals(s, c.manifold()[k], 1e-4, "toward the neighbour at radius " + c.radii()[k]);
        }
        assertEquals(s, c.neighbourRatio(), 1e-4);
    }

    @Test
    void generalLinearMapMatchesItsRatioTowardEachNeighbourAndTheMedianScale() {
        int n = 10;
        double[][] a = TestEncoders.randomMatrix(4, n, 5);
        int rows = 7;
        float[] x = TestEncoders.uniform(rows * n, 6);
        float[] nb = TestEncoders.uniform(rows * n, 7);
        ContractionCurve.Result c;
        try (Kernels ks = new VectorKernels(1)) {
            c = ContractionCurve.measure(new TestEncoders.Linear(a), ks, x, nb, rows, 4, 12);
        }
        double expected = 0;
        double[] dist = new double[rows];
        for (int r = 0; r < rows; r++) {
            double[] u = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                u[i] = nb[r * n + i] - x[r * n + i];
                norm += u[i] * u[i];
            }
            dist[r] = Math.sqrt(norm);
            double au = 0;
            for (double[] row : a) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += row[i] * u[i];
                }
                au += dot * dot;
            }
            expected += Math.sqrt(au) / dist[r];
        }
        expected /= rows;
        for (int k = 0; k < c.radii().length; k++) {
            assertEquals(expected, c.manifold()[k], 1e-3 * expected);
        }
        assertEquals(expected, c.neighbourRatio(), 1e-4 * expected);
        Arrays.sort(dist);
        for (int k = 0; k < c.radii().length; k++) {
            assertEquals(ContractionCurve.FACTORS[k] * dist[rows / 2], c.radii()[k], 1e-9);
        }
        // for random directions the ratio |A u| of a linear map is the same at every radius
        for (int k = 1; k < c.radii().length; k++) {
            assertEquals(c.random()[0], c.random()[k], 0.5, "ratios stay within the range of |A u|");
        }
    }
}
