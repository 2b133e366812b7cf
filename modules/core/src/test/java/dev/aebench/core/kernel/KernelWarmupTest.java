package dev.aebench.core.kernel;

import org.junit.jupiter.api.Test;

import static dev.aebench.core.kernel.GemmTest.assertArrayEqualsBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up runs once per JVM, within its time budget, and changes no later result. */
class KernelWarmupTest {
    @Test
    void runsOnceAndLeavesResultsAlone() {
        try (Kernels k = KernelFactory.create(2)) {
            int m = 40;
            int n = 70;
            int kk = 600;
            float[] a = new float[m * kk];
            float[] b = new float[kk * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) Math.sin(i);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) Math.cos(i);
            }
            float[] before = new float[m * n];
            k.gemm(false, false, m, n, kk, a, 0, kk, b, 0, n, false, before, 0, n);
            double first = KernelWarmup.ensure(k);
            assertTrue(first > 0 && first < 10, "first warm-up took " + first + " s");
            assertEquals(0.0, KernelWarmup.ensure(k), "a second warm-up in the same JVM");
            float[] after = new float[m * n];
            k.gemm(false, false, m, n, kk, a, 0, kk, b, 0, n, false, after, 0, n);
            assertArrayEqualsBits(before, after, "GEMM before and after the warm-up");
        }
    }
}
