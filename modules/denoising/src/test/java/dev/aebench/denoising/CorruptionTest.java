package dev.aebench.denoising;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.objective.Corruption;
import dev.aebench.core.objective.ObjectiveRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistics, determinism and validation of the corruptions, on constant images. */
class CorruptionTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final ObjectiveRegistry OBJECTIVES = ObjectiveRegistry.load();
    private static final int N = 200_000;

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static float[] constant(float v) {
        float[] x = new float[N];
        Arrays.fill(x, v);
        return x;
    }

    private static float[] corrupt(String spec, float[] clean, long seed) {
        float[] out = new float[clean.length];
        OBJECTIVES.corruption(spec).apply(KERNELS, clean, out, clean.length, seed);
        return out;
    }

    private static double fraction(float[] x, float value) {
        int c = 0;
        for (float v : x) {
            c += v == value ? 1 : 0;
        }
        return (double) c / x.length;
    }

    /** Within five binomial standard errors of p. */
    private static void assertProportion(double p, double observed, String what) {
        double se = Math.sqrt(p * (1 - p) / N);
        assertEquals(p, observed, 5 * se + 1e-12, what);
    }

    @Test
    void maskZeroesAFractionNuAndKeepsTheRest() {
        float[] clean = constant(0.7f);
        float[] out = corrupt("mask:0.3", clean, 5);
        assertProportion(0.3, fraction(out, 0f), "masked fraction");
        assertProportion(0.7, fraction(out, 0.7f), "kept fraction");
        assertArrayEquals(clean, corrupt("mask:0", clean, 5));
        assertArrayEquals(new float[N], corrupt("mask:1", clean, 5));
    }

    @Test
    void saltPepperReplacesAFractionNuHalfWithZerosHalfWithOnes() {
        float[] clean = constant(0.5f);
        float[] out = corrupt("saltpepper:0.4", clean, 6);
        assertProportion(0.2, fraction(out, 0f), "pepper (0) fraction");
        assertProportion(0.2, fraction(out, 1f), "salt (1) fraction");
        assertProportion(0.6, fraction(out, 0.5f), "kept fraction");
        assertArrayEquals(clean, corrupt("saltpepper:0", clean, 6));
    }

    @Test
    void gaussianAddsNoiseOfTheGivenSpread() {
        float[] out = corrupt("gaussian:0.1", constant(0.5f), 7);
        double mean = Arrays.stream(toDoubles(out)).average().orElseThrow();
        double var = Arrays.stream(toDoubles(out)).map(v -> (v - mean) * (v - mean)).sum() / (N - 1);
        assertEquals(0.5, mean, 5 * 0.1 / Math.sqrt(N));
        assertEquals(0.1, Math.sqrt(var), 0.002);
    }

    @Test
    void gaussianClipsToTheUnitInterval() {
        float[] out = corrupt("gaussian:0.5", constant(0f), 8);
        for (float v : out) {
            assertTrue(v >= 0f && v <= 1f, "outside [0,1]: " + v);
        }
        // half the draws are negative and clip to 0; the mean is E[clip(0.5 z, 0, 1)]
        assertProportion(0.5, fraction(out, 0f), "clipped at 0");
        double phi0 = 1 / Math.sqrt(2 * Math.PI);
        double phi2 = phi0 * Math.exp(-2);
        double tailAbove2 = 0.5 * erfc(2 / Math.sqrt(2));
        double expected = 0.5 * (phi0 - phi2) + tailAbove2;
        double mean = Arrays.stream(toDoubles(out)).average().orElseThrow();
        assertEquals(expected, mean, 0.003);
        assertArrayEquals(constant(0.3f), corrupt("gaussian:0", constant(0.3f), 8));
    }

    @Test
    void additiveAddsNoiseOfTheGivenSpreadWithoutClipping() {
        float[] out = corrupt("additive:0.5", constant(0f), 9);
        double mean = Arrays.stream(toDoubles(out)).average().orElseThrow();
        double var = Arrays.stream(toDoubles(out)).map(v -> (v - mean) * (v - mean)).sum() / (N - 1);
        assertEquals(0, mean, 5 * 0.5 / Math.sqrt(N));
        assertEquals(0.5, Math.sqrt(var), 0.005);
        assertProportion(0.5, Arrays.stream(toDoubles(out)).filter(v -> v < 0).count() / (double) N, "below 0");
        assertTrue(Arrays.stream(toDoubles(out)).anyMatch(v -> v > 1), "some draws above 1");
        // the same standard normals as gaussian: equal wherever gaussian did not clip
        float[] clipped = corrupt("gaussian:0.5", constant(0f), 9);
        for (int i = 0; i < N; i++) {
            if (out[i] > 0 && out[i] < 1) {
                assertEquals(out[i], clipped[i], 0f);
            }
        }
        assertArrayEquals(constant(0.3f), corrupt("additive:0", constant(0.3f), 8));
    }

    @Test
    void sameSeedSameNoiseWhateverTheThreads() {
        float[] clean = constant(0.4f);
        try (Kernels one = KernelFactory.create(1)) {
            for (String spec : new String[] {"gaussian:0.3", "mask:0.3", "saltpepper:0.3", "additive:0.3"}) {
                Corruption c = OBJECTIVES.corruption(spec);
                float[] a = new float[N];
                float[] b = new float[N];
                c.apply(KERNELS, clean, a, N, 11);
                c.apply(one, clean, b, N, 11);
                assertArrayEquals(a, b, spec);
                c.apply(KERNELS, clean, b, N, 12);
                assertFalse(Arrays.equals(a, b), spec + " should differ for another seed");
            }
        }
    }

    @Test
    void cleanInputIsNotModified() {
        float[] clean = constant(0.4f);
        corrupt("saltpepper:0.5", clean, 1);
        assertArrayEquals(constant(0.4f), clean);
    }

    @Test
    void describesItself() {
        assertEquals("gaussian:0.5", OBJECTIVES.corruption("gaussian:0.5").describe());
        assertEquals("mask:0.3", OBJECTIVES.corruption("mask:0.3").describe());
        assertEquals("saltpepper:0.1", OBJECTIVES.corruption("saltpepper:0.1").describe());
        assertEquals("additive:0.2", OBJECTIVES.corruption("additive:0.2").describe());
    }

    @Test
    void badLevelsAreOneLineUserErrors() {
        String[][] cases = {
                {"gaussian:-0.1", "sigma >= 0"},
                {"additive:-0.1", "sigma >= 0"},
                {"mask:1.5", "nu in [0, 1]"},
                {"mask:-0.1", "nu in [0, 1]"},
                {"saltpepper:2", "nu in [0, 1]"},
        };
        for (String[] c : cases) {
            UserError e = assertThrows(UserError.class, () -> OBJECTIVES.corruption(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && !e.getMessage().contains("\n"), c[0] + ": " + e.getMessage());
        }
    }

    private static double[] toDoubles(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    /** erfc by the Chebyshev fit of Numerical Recipes (erfcc), relative error below 1.2e-7. */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
