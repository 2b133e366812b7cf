package dev.aebench.core.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The low-rank generator: reproducible, in [0,1], and with the spectrum it promises. */
class SyntheticImagesTest {

    @Test
    void lowRankIsReproducibleAndInRange() {
        Dataset a = SyntheticImages.lowRank(200, 4, new double[] {0.5, 0.3}, 0.02, 7);
        Dataset b = SyntheticImages.lowRank(200, 4, new double[] {0.5, 0.3}, 0.02, 7);
        Dataset c = SyntheticImages.lowRank(200, 4, new double[] {0.5, 0.3}, 0.02, 8);
        assertArrayEquals(a.x(), b.x());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertFalse(java.util.Arrays.equals(a.x(), c.x()));
        assertEquals(16, a.dim());
        for (float v : a.x()) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v);
        }
    }

    /**
     * The covariance's trace is the sum of its eigenvalues and its squared Frobenius norm the sum
     * of their squares, whatever the directions: (s_i^2 + sigma^2) for each of the k directions
     * and sigma^2 for the d - k others.
     */
    @Test
    void lowRankHasTheStatedSpectrum() {
        double[] scales = {0.2, 0.12}; // pixel sd about 0.06: clipping at 0 and 1 is negligible
        double sigma = 0.02;
        int n = 20000;
        Dataset data = SyntheticImages.lowRank(n, 4, scales, sigma, 3);
        int d = data.dim();
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.x()[r * d + j] / (double) n;
            }
        }
        double[][] cov = new double[d][d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                double xi = data.x()[r * d + i] - mean[i];
                for (int j = 0; j < d; j++) {
                    cov[i][j] += xi * (data.x()[r * d + j] - mean[j]) / (n - 1);
                }
            }
        }
        double trace = 0;
        double frobenius2 = 0;
        for (int i = 0; i < d; i++) {
            trace += cov[i][i];
            for (int j = 0; j < d; j++) {
                frobenius2 += cov[i][j] * cov[i][j];
            }
        }
        double expectedTrace = d * sigma * sigma;
        double expectedFrobenius2 = (d - scales.length) * Math.pow(sigma, 4);
        for (double s : scales) {
            expectedTrace += s * s;
            expectedFrobenius2 += Math.pow(s * s + sigma * sigma, 2);
        }
        assertEquals(expectedTrace, trace, 0.03 * expectedTrace);
        assertEquals(expectedFrobenius2, frobenius2, 0.05 * expectedFrobenius2);
        for (double m : mean) {
            assertEquals(0.5, m, 0.01);
        }
    }
}
