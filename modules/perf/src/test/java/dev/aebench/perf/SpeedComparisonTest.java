package dev.aebench.perf;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedComparisonTest {
    private static double[] noisy(double centre, double relNoise, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = centre * (1 + relNoise * r.nextGaussian());
        }
        return v;
    }

    @Test
    void sameDistributionPasses() {
        SpeedComparison c = SpeedComparison.compare(noisy(10, 0.05, 10, 1), noisy(10, 0.05, 7, 2), 0.15, 0.01);
        assertEquals(SpeedVerdict.OK, c.verdict());
        assertTrue(Math.abs(c.change()) < 0.1, "change " + c.change());
    }

    @Test
    void largeSignificantSlowdownFails() {
        SpeedComparison c = SpeedComparison.compare(noisy(10, 0.03, 10, 1), noisy(13, 0.03, 7, 2), 0.15, 0.01);
        assertEquals(SpeedVerdict.SLOWER, c.verdict());
        assertTrue(c.pSlower() < 0.001, "p " + c.pSlower());
        assertEquals(0.3, c.change(), 0.05);
    }

    @Test
    void significantButSmallSlowdownPasses() {
        SpeedComparison c = SpeedComparison.compare(noisy(10, 0.005, 10, 1), noisy(10.8, 0.005, 7, 2), 0.15, 0.01);
        assertTrue(c.pSlower() < 0.001, "p " + c.pSlower());
        assertEquals(SpeedVerdict.OK, c.verdict());
    }

    @Test
    void largeButInsignificantChangePasses() {
        double[] base = {10, 10.5, 9.8, 10.2, 10.1};
        double[] now = {9.9, 30, 10.3, 31, 10.1};
        SpeedComparison c = SpeedComparison.compare(base, now, 0.15, 0.01);
        assertTrue(c.pSlower() > 0.01, "p " + c.pSlower());
        assertEquals(SpeedVerdict.OK, c.verdict());
    }

    @Test
    void medianIgnoresASingleOutlier() {
        double[] base = {10, 10.1, 9.9, 10.05, 9.95, 10.02, 9.98};
        double[] now = {10, 10.1, 9.9, 10.05, 9.95, 10.02, 40};
        SpeedComparison c = SpeedComparison.compare(base, now, 0.15, 0.01);
        assertEquals(SpeedVerdict.OK, c.verdict());
        assertEquals(0, c.change(), 0.01);
    }

    @Test
    void largeSignificantSpeedupIsReportedFaster() {
        SpeedComparison c = SpeedComparison.compare(noisy(10, 0.02, 10, 1), noisy(7, 0.02, 7, 2), 0.15, 0.01);
        assertEquals(SpeedVerdict.FASTER, c.verdict());
        assertTrue(c.pSlower() > 0.99);
    }

    @Test
    void oneSidedPValueIsHalfOfCommonsTwoSided() {
        double[] base = noisy(10, 0.05, 9, 3);
        double[] now = noisy(10.4, 0.05, 8, 4);
        double one = SpeedComparison.pSlower(base, now);
        double two = new MannWhitneyUTest().mannWhitneyUTest(base, now);
        assertEquals(two, 2 * Math.min(one, 1 - one), 1e-12);
    }

    @Test
    void completeSeparationOfSevenAndTenIsHighlySignificant() {
        double[] base = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        double[] now = {2, 2, 2, 2, 2, 2, 2};
        assertTrue(SpeedComparison.pSlower(base, now) < 1e-3);
    }
}
