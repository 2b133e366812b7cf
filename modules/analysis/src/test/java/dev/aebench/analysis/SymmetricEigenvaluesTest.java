package dev.aebench.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Eigenvalues of Gram matrices {@code B^T B} against the squared singular values of B from
 * Commons Math's SVD (full rank and rank-deficient, where many eigenvalues are 0), and a
 * diagonal matrix with negative and repeated values.
 */
class SymmetricEigenvaluesTest {

    @Test
    void gramEigenvaluesAreTheSquaredSingularValues() {
        for (int n : new int[] {1, 2, 5, 40, 130}) {
            check(TestEncoders.randomMatrix(n + 3, n, n), n);
            check(TestEncoders.randomMatrix(Math.max(1, n / 4), n, 7L * n), n); // rank n/4
        }
    }

    @Test
    void diagonalMatrixGivesItsDiagonalSorted() {
        double[] a = new double[16];
        a[0] = 3;
        a[10] = -1;
        a[15] = 3;
        assertArrayEquals(new double[] {-1, 0, 3, 3}, SymmetricEigenvalues.of(a, 4), 1e-15);
    }

    private static void check(double[][] b, int n) {
        double[] g = new double[n * n];
        for (double[] row : b) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    g[i * n + j] += row[i] * row[j];
                }
            }
        }
        double[] ours = SymmetricEigenvalues.of(g, n);
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(b)).getSingularValues();
        double[] ref = new double[n];
        for (int i = 0; i < sv.length && i < n; i++) {
            ref[i] = sv[i] * sv[i];
        }
        Arrays.sort(ref);
        for (int i = 0; i < n; i++) {
            assertEquals(ref[i], ours[i], 1e-10 * ref[n - 1], "n=" + n + " eigenvalue " + i);
        }
    }
}
