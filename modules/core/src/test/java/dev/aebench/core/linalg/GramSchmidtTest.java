package dev.aebench.core.linalg;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GramSchmidtTest {
    @Test
    void givesAnOrthonormalBasisOfTheSameSpan() {
        SplittableRandom rnd = new SplittableRandom(3);
        int d = 30;
        int k = 7;
        double[][] a = new double[k][d];
        for (double[] row : a) {
            for (int i = 0; i < d; i++) {
                row[i] = rnd.nextGaussian();
            }
        }
        a[3][0] += 1e6; // badly scaled and nearly parallel vectors need the second pass
        a[4] = a[3].clone();
        a[4][1] += 1e-3;
        double[][] q = new double[k][];
        for (int c = 0; c < k; c++) {
            q[c] = a[c].clone();
        }
        double[] norms = GramSchmidt.orthonormalize(q, k, 0);
        for (int i = 0; i < k; i++) {
            assertTrue(norms[i] > 0);
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int r = 0; r < d; r++) {
                    dot += q[i][r] * q[j][r];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-12, "q" + i + " . q" + j);
            }
        }
        // each original vector is reproduced from its projections on the basis
        for (double[] x : a) {
            double[] back = new double[d];
            for (double[] u : q) {
                double dot = 0;
                for (int r = 0; r < d; r++) {
                    dot += u[r] * x[r];
                }
                for (int r = 0; r < d; r++) {
                    back[r] += dot * u[r];
                }
            }
            for (int r = 0; r < d; r++) {
                assertEquals(x[r], back[r], 1e-9 * (1 + Math.abs(x[r])));
            }
        }
    }

    @Test
    void reportsADependentVectorAndLeavesItUnnormalised() {
        double[][] v = {{1, 0, 0}, {2, 0, 0}, {0, 3, 0}};
        double[] norms = GramSchmidt.orthonormalize(v, 3, 1e-12);
        assertEquals(1, norms[0], 0);
        assertEquals(0, norms[1], 1e-15);
        assertEquals(3, norms[2], 1e-15);
        assertEquals(0, Math.abs(v[1][0]) + Math.abs(v[1][1]) + Math.abs(v[1][2]), 1e-15);
        assertEquals(1, v[2][1], 0);
    }
}
