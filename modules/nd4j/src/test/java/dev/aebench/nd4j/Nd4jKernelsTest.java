package dev.aebench.nd4j;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.ScalarKernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential tests: every operation the ND4J kernels implement against the scalar reference
 * on the same inputs (within float rounding, since ND4J sums in its own order), and a short
 * training run of the reference `ae` on synthetic images with both engines.
 */
class Nd4jKernelsTest {

    private static Nd4jKernels nd4j;
    private static ScalarKernels reference;

    @BeforeAll
    static void start() {
        nd4j = new Nd4jKernels(2);
        reference = new ScalarKernels(1);
    }

    @AfterAll
    static void stop() {
        nd4j.close();
        reference.close();
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void gemmMatchesTheReferenceForEveryTransposeAndShape() {
        int[][] shapes = {{1, 1, 1}, {7, 5, 3}, {33, 17, 64}, {128, 256, 784}, {2, 129, 31}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (boolean acc : new boolean[] {false, true}) {
                        int lda = (ta ? m : k) + 2, ldb = (tb ? k : n) + 1, ldc = n + 3;
                        int aOff = 3, bOff = 1, cOff = 2;
                        float[] a = random(aOff + (ta ? k : m) * lda, 1);
                        float[] b = random(bOff + (tb ? n : k) * ldb, 2);
                        float[] c0 = random(cOff + m * ldc, 3);
                        float[] want = c0.clone();
                        float[] got = c0.clone();
                        reference.gemm(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, acc, want, cOff, ldc);
                        nd4j.gemm(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, acc, got, cOff, ldc);
                        for (int i = 0; i < want.length; i++) {
                            boolean inC = i >= cOff && (i - cOff) % ldc < n && (i - cOff) / ldc < m;
                            double tol = inC ? 1e-5 * (Math.sqrt(k) * 4 + Math.abs(want[i])) : 0;
                            assertEquals(want[i], got[i], tol, "gemm " + ta + tb + acc + " " + m + "x" + n + "x" + k
                                    + " at " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void elementWiseOperationsMatchTheReference() {
        int rows = 9, cols = 53;
        float[] bias = random(cols + 4, 5);
        for (Activation act : Activation.values()) {
            float[] want = random(rows * cols, 6);
            float[] got = want.clone();
            reference.biasActivation(act, want, rows, cols, bias, 4);
            nd4j.biasActivation(act, got, rows, cols, bias, 4);
            assertClose(want, got, 1e-6, act + " forward");
            float[] gradWant = random(rows * cols, 7);
            float[] gradGot = gradWant.clone();
            reference.activationBackward(act, want, gradWant, rows * cols);
            nd4j.activationBackward(act, want, gradGot, rows * cols);
            assertClose(gradWant, gradGot, 1e-6, act + " backward");
        }
        for (boolean acc : new boolean[] {false, true}) {
            float[] a = random(rows * cols, 8);
            float[] want = random(cols + 2, 9);
            float[] got = want.clone();
            reference.columnSums(a, rows, cols, want, 2, acc);
            nd4j.columnSums(a, rows, cols, got, 2, acc);
            assertClose(want, got, 1e-5, "column sums " + acc);
        }
    }

    @Test
    void theFactoryFindsTheBackendByName() {
        System.setProperty("aebench.kernels", "nd4j");
        try (Kernels k = KernelFactory.create(1)) {
            assertInstanceOf(Nd4jKernels.class, k);
            assertTrue(k.name().startsWith("nd4j"), k.name());
        } finally {
            System.clearProperty("aebench.kernels");
        }
    }

    @Test
    void anAutoencoderTrainsToTheSameLossOnBothEngines() {
        Dataset data = SyntheticImages.generate(512, 28, 10, 3);
        double[] losses = new double[2];
        Kernels[] engines = {new VectorKernels(2), nd4j};
        for (int e = 0; e < 2; e++) {
            ModelFamily f = ModelRegistry.load().get("ae");
            Autoencoder model = f.create(ModelConfig.resolve(f, Map.of()), new ModelContext(28, 28, 0, engines[e]));
            FitReport report = model.fit(data, 3, EpochListener.NONE);
            losses[e] = report.epochLoss().get(2);
        }
        engines[0].close();
        assertTrue(losses[0] < 0.1, "the model learns: " + losses[0]);
        assertEquals(losses[0], losses[1], 1e-3 * losses[0], "final training loss, vector vs nd4j");
    }

    private static void assertClose(float[] want, float[] got, double rel, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], rel * Math.max(1, Math.abs(want[i])), what + " at " + i);
        }
    }
}
