package dev.aebench.core.kernel;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.dense.DenseSpec;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.IntFunction;

import static dev.aebench.core.kernel.GemmTest.assertArrayEqualsBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same computation gives the same bits with one thread and with two, and run to run. The
 * sizes are chosen above the kernels' parallel threshold (2^15 multiply-adds or elements) so
 * that the two-thread runs really split the work.
 */
class DeterminismTest {

    private static final int SIDE = 16;

    /** Parameters after a few epochs of training a dense autoencoder with the given kernels. */
    private static float[] train(Kernels kernels, boolean tied, LossKind loss, double[] lossOut) {
        Dataset data = SyntheticImages.generate(300, SIDE, 4, 7);
        DenseSpec spec = new DenseSpec(new int[] {96, 32}, Activation.SIGMOID, Activation.SIGMOID, tied, loss,
                1e-3f, 128, "none", "none");
        DenseAutoencoder model = new DenseAutoencoder(spec, new ModelContext(SIDE, SIDE, 11, kernels),
                ObjectiveRegistry.load());
        FitReport report = model.fit(data, 2, EpochListener.NONE);
        assertEquals(2, report.epochLoss().size());
        assertEquals(6, report.steps(), "300 rows in batches of 128: 3 steps per epoch");
        lossOut[0] = report.finalLoss();
        return model.arena().params().clone();
    }

    private static void sameBitsForThreads(IntFunction<Kernels> factory) {
        for (boolean tied : new boolean[] {false, true}) {
            for (LossKind loss : LossKind.values()) {
                double[] l1 = new double[1];
                double[] l2 = new double[1];
                double[] l1again = new double[1];
                float[] p1;
                float[] p2;
                float[] p1again;
                try (Kernels one = factory.apply(1); Kernels two = factory.apply(2)) {
                    p1 = train(one, tied, loss, l1);
                    p2 = train(two, tied, loss, l2);
                    p1again = train(one, tied, loss, l1again);
                }
                String what = factory.apply(1).name() + (tied ? " tied " : " ") + loss;
                assertTrue(Double.isFinite(l1[0]), what + ": finite loss");
                assertArrayEqualsBits(p1, p2, what + ": 1 vs 2 threads");
                assertArrayEqualsBits(p1, p1again, what + ": run to run");
                assertEquals(l1[0], l2[0], 0.0, what + ": loss 1 vs 2 threads");
                assertEquals(l1[0], l1again[0], 0.0, what + ": loss run to run");
            }
        }
    }

    @Test
    void denseAutoencoderTrainingIsBitIdenticalAcrossThreadCounts() {
        sameBitsForThreads(VectorKernels::new);
    }

    @Test
    void scalarTrainingIsBitIdenticalAcrossThreadCounts() {
        sameBitsForThreads(ScalarKernels::new);
    }

    @Test
    void trainingActuallyChangesTheParameters() {
        try (Kernels k = new VectorKernels(2)) {
            Dataset data = SyntheticImages.generate(300, SIDE, 4, 7);
            DenseSpec spec = new DenseSpec(new int[] {96, 32}, Activation.SIGMOID, Activation.SIGMOID, false,
                    LossKind.MSE, 1e-3f, 128, "none", "none");
            DenseAutoencoder model = new DenseAutoencoder(spec, new ModelContext(SIDE, SIDE, 11, k),
                    ObjectiveRegistry.load());
            float[] before = model.arena().params().clone();
            model.fit(data, 1, EpochListener.NONE);
            float[] after = model.arena().params();
            int changed = 0;
            for (int i = 0; i < before.length; i++) {
                changed += before[i] != after[i] ? 1 : 0;
            }
            assertTrue(changed > before.length / 2, "most parameters move in an epoch: " + changed);
        }
    }

    @Test
    void kernelsAreBitIdenticalAcrossThreadCounts() {
        SplittableRandom rnd = new SplittableRandom(3);
        int rows = 200;
        int cols = 300; // 60000 elements, 4.7M multiply-adds: all split over two threads
        float[] a = new float[rows * cols];
        float[] b = new float[cols * 80];
        float[] y = new float[rows * cols];
        float[] t = new float[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
            y[i] = (float) rnd.nextDouble(0.01, 0.99);
            t[i] = (float) rnd.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextDouble(-1, 1);
        }
        for (IntFunction<Kernels> factory : java.util.List.<IntFunction<Kernels>>of(VectorKernels::new, ScalarKernels::new)) {
            float[][] results = new float[2][];
            double[] losses = new double[2];
            for (int threads = 1; threads <= 2; threads++) {
                try (Kernels k = factory.apply(threads)) {
                    float[] c1 = new float[rows * 80];
                    k.gemm(false, false, rows, 80, cols, a, 0, cols, b, 0, 80, false, c1, 0, 80);
                    float[] c2 = new float[cols * 80];
                    k.gemm(true, false, cols, 80, rows, a, 0, cols, c1, 0, 80, false, c2, 0, 80);
                    float[] c3 = new float[rows * cols];
                    k.gemm(false, true, rows, cols, 80, c1, 0, 80, b, 0, 80, false, c3, 0, cols);
                    float[] sums = new float[cols];
                    k.columnSums(a, rows, cols, sums, 0, false);
                    float[] grad = new float[rows * cols];
                    double loss = k.loss(LossKind.MSE, y, t, rows * cols, grad, 1f)
                            + k.loss(LossKind.BCE, y, t, rows * cols, grad, 1f);
                    float[] gz = new float[rows * cols];
                    loss += k.sigmoidOutputLoss(LossKind.MSE, y, t, rows * cols, gz, 1f);
                    float[] z = a.clone();
                    k.biasActivation(Activation.TANH, z, rows, cols, sums, 0);
                    k.activationBackward(Activation.TANH, z, grad, rows * cols);
                    float[] p = a.clone();
                    k.adam(p, grad.clone(), new float[p.length], new float[p.length], 0, p.length,
                            1e-3f, 0.9f, 0.999f, 1e-8f, 1);
                    float[] all = concat(c1, c2, c3, sums, grad, gz, z, p);
                    results[threads - 1] = all;
                    losses[threads - 1] = loss;
                }
            }
            String name = factory.apply(1).name();
            assertArrayEqualsBits(results[0], results[1], name + " kernels 1 vs 2 threads");
            assertEquals(losses[0], losses[1], 0.0, name + " losses 1 vs 2 threads");
            assertFalse(Double.isNaN(losses[0]));
        }
    }

    /**
     * Interpreted and C2-compiled code must round alike: the same call repeated until the JIT has
     * compiled the kernels gives the bits of the first (cold) call.
     */
    @Test
    void resultsDoNotChangeAsTheJitWarmsUp() {
        SplittableRandom rnd = new SplittableRandom(5);
        int rows = 4;
        int cols = 64;
        int n = rows * cols;
        float[] z0 = new float[n];
        float[] bias = new float[cols];
        float[] y = new float[n];
        float[] t = new float[n];
        float[] a = new float[8 * 64];
        float[] b = new float[8 * 64];
        for (int i = 0; i < n; i++) {
            z0[i] = (float) rnd.nextDouble(-6, 6);
            y[i] = (float) rnd.nextDouble(0.01, 0.99);
            t[i] = (float) rnd.nextDouble();
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
            b[i] = (float) rnd.nextDouble(-1, 1);
        }
        for (IntFunction<Kernels> factory : java.util.List.<IntFunction<Kernels>>of(VectorKernels::new, ScalarKernels::new)) {
            try (Kernels k = factory.apply(1)) {
                float[] first = null;
                double firstLoss = 0;
                for (int it = 0; it < 20_000; it++) {
                    float[] sig = z0.clone();
                    k.biasActivation(Activation.SIGMOID, sig, rows, cols, bias, 0);
                    float[] tanh = z0.clone();
                    k.biasActivation(Activation.TANH, tanh, rows, cols, bias, 0);
                    float[] c = new float[64];
                    k.gemm(false, true, 8, 8, 64, a, 0, 64, b, 0, 64, false, c, 0, 8);
                    float[] grad = new float[n];
                    double loss = k.loss(LossKind.MSE, y, t, n, grad, 1f)
                            + k.sigmoidOutputLoss(LossKind.MSE, y, t, n, grad, 1f);
                    float[] all = concat(sig, tanh, c, grad);
                    if (first == null) {
                        first = all;
                        firstLoss = loss;
                    } else if (loss != firstLoss || !java.util.Arrays.equals(first, all)) {
                        assertArrayEqualsBits(first, all, k.name() + ": iteration " + it + " differs from the first");
                        assertEquals(firstLoss, loss, 0.0, k.name() + ": loss of iteration " + it);
                    }
                }
            }
        }
    }

    private static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
