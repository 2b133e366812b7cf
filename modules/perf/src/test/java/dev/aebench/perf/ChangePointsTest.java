package dev.aebench.perf;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangePointsTest {
    /** {@code n} runs around {@code level} with +-{@code noise} relative uniform noise. */
    private static double[] flat(SplittableRandom r, int n, double level, double noise) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = level * (1 + noise * (2 * r.nextDouble() - 1));
        }
        return v;
    }

    private static double[] concat(double[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void noiseAloneHasNoChangePoint() {
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 20; trial++) {
            assertEquals(List.of(), ChangePoints.DEFAULT.detect(flat(r, 30, 2.0, 0.03)), "trial " + trial);
        }
    }

    @Test
    void aStepOfTwentyPercentIsFoundWhereItHappened() {
        SplittableRandom r = new SplittableRandom(2);
        double[] v = concat(flat(r, 10, 2.0, 0.03), flat(r, 12, 2.4, 0.03));
        List<ChangePoints.Change> c = ChangePoints.DEFAULT.detect(v);
        assertEquals(1, c.size(), c.toString());
        assertEquals(10, c.get(0).index());
        assertEquals(0.2, c.get(0).shift(), 0.03);
    }

    @Test
    void aRegressionAndItsFixAreTwoChanges() {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = concat(flat(r, 8, 2.0, 0.02), flat(r, 6, 2.6, 0.02), flat(r, 8, 2.0, 0.02));
        List<ChangePoints.Change> c = ChangePoints.DEFAULT.detect(v);
        assertEquals(List.of(8, 14), c.stream().map(ChangePoints.Change::index).toList(), c.toString());
        assertTrue(c.get(0).shift() > 0.25 && c.get(1).shift() < -0.2, c.toString());
    }

    @Test
    void oneDisturbedRunOrASmallDriftIsNotAChange() {
        SplittableRandom r = new SplittableRandom(4);
        double[] v = flat(r, 20, 2.0, 0.02);
        v[9] = 3.0;
        assertEquals(List.of(), ChangePoints.DEFAULT.detect(v));
        double[] small = concat(flat(r, 10, 2.0, 0.005), flat(r, 10, 2.06, 0.005)); // +3%, under the 5% minimum
        assertEquals(List.of(), ChangePoints.DEFAULT.detect(small));
    }
}
