package dev.aebench.pca;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Principal angles on subspaces at known angles and against an independent projector computation. */
class PrincipalAnglesTest {

    @Test
    void twoLinesInThePlane() {
        double[][] x = {{1}, {0}};
        double[][] diagonal = {{-2}, {-2}};
        assertArrayEquals(new double[] {Math.PI / 4}, PrincipalAngles.between(x, diagonal), 1e-15);
        double[][] u = {{3}, {1}};
        double[][] v = {{-1}, {2}};
        double expected = Math.acos(Math.abs(3 * -1 + 1 * 2) / (Math.sqrt(10) * Math.sqrt(5)));
        assertArrayEquals(new double[] {expected}, PrincipalAngles.between(u, v), 1e-14);
    }

    /** span{e1, e2} and span{e1, cos t e2 + sin t e3} in R^4 meet at angles 0 and t, whatever bases are given. */
    @Test
    void twoPlanesAtAKnownAngle() {
        for (double t : new double[] {1e-6, 0.01, 0.3, 1.2, Math.PI / 2}) {
            double c = Math.cos(t);
            double s = Math.sin(t);
            double[][] a = {{1, 1}, {0, 2}, {0, 0}, {0, 0}}; // e1, e1 + 2 e2
            double[][] b = {{2, 0}, {c, 3 * c}, {s, 3 * s}, {0, 0}}; // 2 e1 + w, 3 w
            double[] angles = PrincipalAngles.between(a, b);
            assertEquals(2, angles.length);
            assertEquals(0, angles[0], 1e-12, "t=" + t);
            assertEquals(t, angles[1], 1e-12 * Math.max(1, t) + 1e-14, "t=" + t);
            assertArrayEquals(angles, PrincipalAngles.between(b, a), 1e-12);
        }
        double[][] plane = {{1, 0}, {0, 1}, {0, 0}};
        double[][] tilted = {{1}, {0}, {1}};
        assertArrayEquals(new double[] {45}, PrincipalAngles.degreesBetween(plane, tilted), 1e-12);
        assertArrayEquals(new double[] {45}, PrincipalAngles.degreesBetween(tilted, plane), 1e-12);
    }

    /**
     * The squared cosines are the top eigenvalues of P_A P_B P_A, with the projectors
     * P = X (X^T X)^-1 X^T built from the raw bases by LU: no Gram-Schmidt, no SVD.
     */
    @Test
    void matchesTheProjectorEigenvaluesOnRandomSubspaces() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int d = 3 + rnd.nextInt(10);
            int k1 = 1 + rnd.nextInt(d);
            int k2 = 1 + rnd.nextInt(d);
            double[][] a = gaussian(rnd, d, k1);
            double[][] b = gaussian(rnd, d, k2);
            if (trial % 2 == 0) { // share a direction, so that one angle is 0
                for (int r = 0; r < d; r++) {
                    b[r][0] = a[r][0] - 0.5 * a[r][k1 - 1];
                }
            }
            RealMatrix pa = projector(a);
            RealMatrix pb = projector(b);
            double[] eig = new EigenDecomposition(pa.multiply(pb).multiply(pa)).getRealEigenvalues();
            double[] desc = Arrays.stream(eig).map(v -> -v).sorted().map(v -> -v).toArray();
            double[] angles = PrincipalAngles.between(a, b);
            assertEquals(Math.min(k1, k2), angles.length);
            for (int i = 0; i < angles.length; i++) {
                double cos2 = Math.min(1, Math.max(0, desc[i]));
                assertEquals(cos2, Math.cos(angles[i]) * Math.cos(angles[i]), 1e-9,
                        "trial " + trial + " angle " + i + " of " + Arrays.toString(angles));
                assertTrue(i == 0 || angles[i] >= angles[i - 1]);
            }
            if (trial % 2 == 0) {
                assertEquals(0, angles[0], 1e-7, "shared direction, trial " + trial);
            }
        }
    }

    @Test
    void readsWeightLayouts() {
        float[] m = {9, 1, 2, 3, 4, 5, 6}; // at offset 1: the 2 x 3 matrix [[1 2 3] [4 5 6]]
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, PrincipalAngles.columnsOf(m, 1, 2, 3));
        assertArrayEquals(new double[][] {{1, 4}, {2, 5}, {3, 6}}, PrincipalAngles.rowsOf(m, 1, 2, 3));
    }

    @Test
    void rejectsMismatchedOrDependentBases() {
        assertThrows(IllegalArgumentException.class,
                () -> PrincipalAngles.between(new double[][] {{1}, {0}}, new double[][] {{1}, {0}, {0}}));
        assertThrows(IllegalArgumentException.class,
                () -> PrincipalAngles.between(new double[][] {{1, 2}, {1, 2}, {0, 0}}, new double[][] {{1}, {0}, {0}}));
        assertThrows(IllegalArgumentException.class,
                () -> PrincipalAngles.between(new double[][] {{0}, {0}}, new double[][] {{1}, {0}}));
    }

    private static double[][] gaussian(SplittableRandom rnd, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = rnd.nextGaussian();
            }
        }
        return m;
    }

    private static RealMatrix projector(double[][] x) {
        RealMatrix m = new Array2DRowRealMatrix(x);
        RealMatrix gramInverse = new LUDecomposition(m.transpose().multiply(m)).getSolver().getInverse();
        return m.multiply(gramInverse).multiply(m.transpose());
    }
}
