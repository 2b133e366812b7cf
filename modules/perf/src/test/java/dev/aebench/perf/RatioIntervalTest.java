package dev.aebench.perf;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatioIntervalTest {
    @Test
    void aPureScalingIsEstimatedExactly() {
        double[] base = {2.0, 2.1, 1.9, 2.05, 1.95};
        double[] now = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            now[i] = 1.2 * base[i];
        }
        RatioInterval r = RatioInterval.of(base, now, 0.95);
        assertEquals(1.2, r.estimate(), 1e-12);
        assertTrue(r.low() <= 1.2 && r.high() >= 1.2, r.toString());
    }

    @Test
    void matchesTheOrderStatisticsOfPairwiseRatiosComputedDirectly() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] base = new double[10];
        double[] now = new double[10];
        for (int i = 0; i < 10; i++) {
            base[i] = 2 + rnd.nextDouble();
            now[i] = 2.3 + rnd.nextDouble();
        }
        // independent computation: the plain ratios now_i / base_j, sorted (the log is monotone)
        List<Double> q = new ArrayList<>();
        for (double x : now) {
            for (double y : base) {
                q.add(x / y);
            }
        }
        Collections.sort(q);
        // m = n = 10, 95%: C = floor(50 - 1.959964 * sqrt(100 * 21 / 12)) = floor(24.07) = 24
        assertEquals(24, RatioInterval.criticalIndex(10, 10, 0.95));
        RatioInterval r = RatioInterval.of(base, now, 0.95);
        assertEquals((q.get(49) + q.get(50)) / 2, r.estimate(), 0.02);
        assertEquals(Math.sqrt(q.get(49) * q.get(50)), r.estimate(), 1e-12);
        assertEquals(q.get(24), r.low(), 1e-12);
        assertEquals(q.get(75), r.high(), 1e-12);
    }

    @Test
    void tinySamplesFallBackToTheFullRange() {
        RatioInterval r = RatioInterval.of(new double[] {1, 2}, new double[] {3, 4}, 0.98);
        assertEquals(0, RatioInterval.criticalIndex(2, 2, 0.98));
        assertEquals(1.5, r.low(), 1e-12);
        assertEquals(4, r.high(), 1e-12);
    }
}
