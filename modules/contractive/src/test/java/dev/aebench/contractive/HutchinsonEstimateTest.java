package dev.aebench.contractive;

import dev.aebench.core.testing.TestModels;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.jacobian.HutchinsonJacobianNorm;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hutchinson's estimate: unbiased for the exact norm, reproducible from the step seed. */
class HutchinsonEstimateTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final Dataset DATA = TestModels.images(8, 13);
    private static final int DRAWS = 2000;

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static DenseAutoencoder model(String penalty) {
        DenseAutoencoder m = TestModels.dense(KERNELS, Activation.TANH, penalty, 29, 12, 8, 6);
        TestModels.scaleEncoder(m, 2f);
        return m;
    }

    private static double penaltyAt(DenseAutoencoder m, long stepSeed) {
        m.forwardBackward(DATA.x(), DATA.size(), stepSeed);
        return m.penalties().get(0).apply(m, false);
    }

    @Test
    void meanOverManyDrawsEqualsTheExactNorm() {
        double exact = penaltyAt(model("jacobian:1"), 1L);
        DenseAutoencoder m = model("hutchinson:1");
        HutchinsonJacobianNorm chunked = new HutchinsonJacobianNorm(KERNELS, m.layers(), m.maxRows(), 1,
                3L * (16 + 2 * 26 + 2 * 16));
        assertEquals(3, chunked.chunk());
        double[] whole = new double[DRAWS];
        double[] inChunks = new double[DRAWS];
        for (int s = 0; s < DRAWS; s++) {
            whole[s] = penaltyAt(m, s);
            inChunks[s] = chunked.apply(m.arena(), m.rows(), m.stepSeed(), 1.0, false);
        }
        assertWithinStandardErrors(exact, whole);
        assertWithinStandardErrors(exact, inChunks);
    }

    @Test
    void moreProbesLowerTheVariance() {
        double exact = penaltyAt(model("jacobian:1"), 1L);
        DenseAutoencoder one = model("hutchinson:1:1");
        DenseAutoencoder four = model("hutchinson:1:4");
        double[] a = new double[500];
        double[] b = new double[500];
        for (int s = 0; s < a.length; s++) {
            a[s] = penaltyAt(one, s);
            b[s] = penaltyAt(four, s);
        }
        assertWithinStandardErrors(exact, b);
        double ratio = variance(b) / variance(a);
        assertTrue(ratio > 0.15 && ratio < 0.4, "variance ratio of 4 probes to 1: " + ratio);
    }

    @Test
    void theStepSeedFixesTheProbes() {
        DenseAutoencoder m = model("hutchinson:1:2");
        double first = m.forwardBackward(DATA.x(), DATA.size(), 42L);
        float[] grads = m.arena().grads().clone();
        double again = m.forwardBackward(DATA.x(), DATA.size(), 42L);
        assertEquals(first, again);
        assertTrue(java.util.Arrays.equals(grads, m.arena().grads()));
        assertNotEquals(first, m.forwardBackward(DATA.x(), DATA.size(), 43L));
    }

    private static void assertWithinStandardErrors(double expected, double[] draws) {
        double mean = java.util.Arrays.stream(draws).average().orElseThrow();
        double se = Math.sqrt(variance(draws) / draws.length);
        assertTrue(Math.abs(mean - expected) < 4.5 * se,
                "mean " + mean + " vs exact " + expected + " (standard error " + se + ")");
        assertTrue(se < 0.05 * expected, "too noisy to mean anything: se " + se + " for " + expected);
    }

    private static double variance(double[] x) {
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }
}
