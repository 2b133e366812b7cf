package dev.aebench.core.data;

import dev.aebench.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synthetic 2-D data sets: specs, splits, labels, determinism, and the mixture's exact density and score. */
class SyntheticPlaneTest {
    private static final PlaneMixture MIX = PlaneMixture.STANDARD;

    @Test
    void specsParseAndBadOnesSayWhatWasExpected() {
        assertEquals(new SyntheticPlane("mixture", 0), SyntheticPlane.parse("synthetic:mixture"));
        assertEquals(new SyntheticPlane("spiral", 42), SyntheticPlane.parse("synthetic:spiral:42"));
        assertEquals("synthetic:circle:0", SyntheticPlane.parse("synthetic:circle").spec());
        for (String bad : new String[] {"synthetic:", "synthetic:moons", "synthetic:mixture:-1", "synthetic:mixture:x",
                "synthetic:mixture:1:2", "mixture"}) {
            String p = SyntheticPlane.problem(bad);
            assertNotNull(p, bad);
            assertTrue(p.contains("mixture, circle, spiral") && p.contains("found '" + bad + "'") && !p.contains("\n"), p);
        }
        assertNull(SyntheticPlane.problem("synthetic:mixture:7"));
    }

    @Test
    void splitsAreSeededWithLabelsAndTwoColumns() {
        for (String name : SyntheticPlane.NAMES) {
            TrainTestData a = new SyntheticPlane(name, 3).generate();
            TrainTestData b = new SyntheticPlane(name, 3).generate();
            TrainTestData c = new SyntheticPlane(name, 4).generate();
            assertEquals(SyntheticPlane.TRAIN, a.train().size());
            assertEquals(SyntheticPlane.TEST, a.test().size());
            assertEquals(2, a.train().dim());
            assertArrayEquals(a.train().x(), b.train().x(), name);
            assertArrayEquals(a.test().labels(), b.test().labels(), name);
            assertFalse(Arrays.equals(a.train().x(), c.train().x()), name + ": another seed, other points");
            assertFalse(Arrays.equals(a.train().x(), Arrays.copyOf(a.test().x(), a.train().x().length)));
            int classes = name.equals("mixture") ? MIX.components().size() : SyntheticPlane.BINS;
            assertEquals(classes, a.train().classes(), name);
            int inside = 0;
            for (float v : a.train().x()) {
                inside += v >= 0 && v <= 1 ? 1 : 0;
            }
            assertTrue(inside > 0.999 * a.train().x().length, name + ": points in the unit square");
            assertEquals("synthetic:" + name + ":3:v1/train", a.train().fingerprint());
        }
        assertNotNull(SyntheticPlane.mixtureOf(new SyntheticPlane("mixture", 1).generate().test().slice(0, 5, "[x]")));
        assertNull(SyntheticPlane.mixtureOf(new SyntheticPlane("circle", 1).generate().test()));
    }

    @Test
    void mixtureSamplesMatchItsComponents() {
        TrainTestData d = new SyntheticPlane("mixture", 9).generate();
        Dataset t = d.train();
        for (int k = 0; k < MIX.components().size(); k++) {
            PlaneMixture.Component c = MIX.components().get(k);
            double n = 0;
            double mx = 0;
            double my = 0;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < t.size(); i++) {
                if (t.labels()[i] == k) {
                    n++;
                    mx += t.x()[2 * i];
                    my += t.x()[2 * i + 1];
                }
            }
            mx /= n;
            my /= n;
            for (int i = 0; i < t.size(); i++) {
                if (t.labels()[i] == k) {
                    double dx = t.x()[2 * i] - mx;
                    double dy = t.x()[2 * i + 1] - my;
                    sxx += dx * dx;
                    sxy += dx * dy;
                }
            }
            assertEquals(c.weight(), n / t.size(), 0.015, "weight of " + k);
            assertEquals(c.mx(), mx, 0.005, "mean x of " + k);
            assertEquals(c.my(), my, 0.005, "mean y of " + k);
            assertEquals(c.sx(), Math.sqrt(sxx / n), 0.004, "sd x of " + k);
            assertEquals(c.rho() * c.sx() * c.sy(), sxy / n, 0.0006, "covariance of " + k);
        }
    }

    @Test
    void densityIntegratesToOne() {
        int m = 400;
        double h = 1.6 / m;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                sum += MIX.density(-0.3 + (i + 0.5) * h, -0.3 + (j + 0.5) * h) * h * h;
            }
        }
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void scoreIsTheGradientOfTheLogDensity() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (PlaneMixture mix : new PlaneMixture[] {MIX, MIX.smoothed(0.1)}) {
            for (int trial = 0; trial < 20; trial++) {
                float[] p = {(float) rnd.nextDouble(0.05, 0.95), (float) rnd.nextDouble(0.05, 0.95)};
                double[] s = new double[2];
                mix.score(p[0], p[1], s);
                FiniteDifferences.check(p, new int[] {0, 1}, new float[] {(float) s[0], (float) s[1]},
                                () -> mix.logDensity(p[0], p[1]), null, 1e-3f, 1e-2, 2e-3)
                        .assertPassed("score at " + Arrays.toString(p));
            }
        }
        double[] far = new double[2];
        MIX.score(40, -30, far); // every component's density underflows to 0 here
        assertTrue(Double.isFinite(far[0]) && far[0] < 0 && far[1] > 0, Arrays.toString(far));
    }

    @Test
    void smoothedDensityIsTheConvolutionWithGaussianNoise() {
        double sigma = 0.07;
        PlaneMixture smooth = MIX.smoothed(sigma);
        double x = 0.42;
        double y = 0.37;
        int m = 300;
        double h = 10 * sigma / m;
        double conv = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double u = -5 * sigma + (i + 0.5) * h;
                double v = -5 * sigma + (j + 0.5) * h;
                double g = Math.exp(-(u * u + v * v) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
                conv += MIX.density(x - u, y - v) * g * h * h;
            }
        }
        assertEquals(conv, smooth.density(x, y), 1e-4 * conv);
    }
}
