package dev.aebench.core.kernel;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every kernel on tiny arrays a few thousand times so that the JIT compiles the vector
 * code before real work starts. Interpreted or C1-compiled Vector-API code is one to two
 * orders of magnitude slower than C2's, and a big first call (a 2048-row covariance chunk, a
 * first training epoch) would otherwise spend a second or more there. Once per JVM; the
 * results are thrown away, and nothing here changes any later result.
 */
public final class KernelWarmup {
    private static final AtomicBoolean DONE = new AtomicBoolean();
    private static final int ROUNDS = 1500;
    private static final int GEMM_ROUNDS = 400;
    private static final long BUDGET_NANOS = 1_000_000_000L;
    private static Thread background;

    private KernelWarmup() {
    }

    /**
     * Starts the warm-up on a daemon thread with its own one-thread kernels, so that it overlaps
     * whatever the program does first (reading the data); {@link #ensure} then waits for it.
     */
    public static synchronized void startInBackground() {
        if (DONE.get() || background != null) {
            return;
        }
        // always the built-in kernels: the warm-up is for the JIT of the Java vector code, and a
        // backend such as ND4J keeps global settings (its thread count) that this must not touch
        Thread t = new Thread(() -> {
            try (Kernels k = KernelFactory.builtIn(1)) {
                warm(k);
            }
        }, "aebench-warmup");
        t.setDaemon(true);
        background = t;
        t.start();
    }

    /**
     * Warms the kernels up unless this JVM already did (or waits for a warm-up started in the
     * background); returns the seconds this call spent.
     */
    public static double ensure(Kernels kernels) {
        long t0 = System.nanoTime();
        Thread b;
        synchronized (KernelWarmup.class) {
            b = background;
        }
        if (b != null) {
            try {
                b.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return (System.nanoTime() - t0) / 1e9;
        }
        return warm(kernels);
    }

    private static double warm(Kernels kernels) {
        if (!DONE.compareAndSet(false, true)) {
            return 0;
        }
        long t0 = System.nanoTime();
        Workload w = new Workload();
        // the GEMM micro-kernels first, on their own: they matter most, and C2 compiles them
        // sooner when their loops are the hottest code (with everything mixed in from the start,
        // k8x2 was still C1 code when the 1 s budget ran out, and a PCA fit's first covariance
        // block then took 0.5 s instead of 15 ms)
        for (int round = 0; round < GEMM_ROUNDS && System.nanoTime() - t0 < BUDGET_NANOS / 2; round++) {
            w.gemms(kernels, round);
        }
        for (int round = 0; round < ROUNDS && System.nanoTime() - t0 < BUDGET_NANOS; round++) {
            w.run(kernels, round);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Shapes that reach every GEMM micro-kernel (9 rows: a block of 8 and a tail row; 53 columns:
     * a full panel, a full vector and a masked one on 512-bit vectors), the packed and the
     * dot-product paths for a transposed B, and each element-wise, image and optimiser kernel.
     */
    private static final class Workload {
        static final int M = 9;
        static final int N = 53;
        static final int K = 16;
        static final int DOT_K = 256;
        static final int GRAM_N = 40;
        static final int GRAM_K = 300;
        final float[] a = filled(DOT_K * N, 0.01f);
        final float[] b = filled(DOT_K * N, 0.02f);
        final float[] c = new float[DOT_K * N];
        final float[] gramOut = new float[GRAM_N * GRAM_N];
        final float[] bias = filled(N, 0.1f);
        final float[] y = new float[M * N];
        final float[] t = filled(M * N, 0.5f);
        final float[] g = new float[M * N];
        final float[] p = filled(M * N, 0.1f);
        final float[] m = new float[M * N];
        final float[] v = new float[M * N];
        final float[] sums = new float[N];
        final ConvGeometry conv = new ConvGeometry(2, 6, 6, 3, 2, 1);
        final float[] image = filled(2 * conv.channels() * conv.height() * conv.width(), 0.3f);
        final float[] cols = new float[2 * conv.positions() * conv.patchSize()];

        /** The GEMM paths alone, with longer inner loops (gram with K > 256: passes chained along k). */
        void gemms(Kernels k, int round) {
            k.gram(GRAM_N, GRAM_K, a, 0, GRAM_N, round % 2 == 1, gramOut, 0, GRAM_N);
            k.gemm(false, false, GRAM_N, GRAM_N, GRAM_K, a, 0, GRAM_K, b, 0, GRAM_N, false, gramOut, 0, GRAM_N);
            k.gemm(true, false, GRAM_N, GRAM_N, GRAM_K, a, 0, GRAM_N, b, 0, GRAM_N, true, gramOut, 0, GRAM_N);
            k.gemm(false, true, GRAM_N, GRAM_N, GRAM_K, a, 0, GRAM_K, b, 0, GRAM_K, false, gramOut, 0, GRAM_N);
        }

        void run(Kernels k, int round) {
            k.gemm(false, false, M, N, K, a, 0, K, b, 0, N, false, c, 0, N);
            k.gemm(true, false, M, N, K, a, 0, M, b, 0, N, true, c, 0, N);
            k.gemm(false, true, M, N, K, a, 0, K, b, 0, K, false, c, 0, N);
            k.gemm(false, true, 1, N, DOT_K, a, 0, DOT_K, b, 0, DOT_K, false, c, 0, N);
            k.gram(N, K, a, 0, N, false, c, 0, N);
            k.gram(N, K, a, 0, N, true, c, 0, N);
            // a Gram product big enough for the threaded, upper-blocks path split along k (PCA's
            // covariance): without it the first 784 x 784 block of a PCA fit ran 50x slower
            k.gram(GRAM_N, GRAM_K, a, 0, GRAM_N, round % 2 == 1, gramOut, 0, GRAM_N);
            if (k instanceof VectorKernels) {
                // the chained micro-kernels of a GEMM split along k (too big to call here through gemm)
                VectorGemm.panel(0, M, VectorGemm.PANEL, K, a, 0, K, 1, b, 0, N, false, true, c, 0, N, 0);
                int tail = Math.min(VectorGemm.PANEL, N - VectorGemm.PANEL);
                VectorGemm.panel(0, M, tail, K, a, 0, K, 1, b, VectorGemm.PANEL, N, false, true, c, 0, N,
                        VectorGemm.PANEL);
            }
            for (Activation act : Activation.values()) {
                System.arraycopy(p, 0, y, 0, y.length);
                k.biasActivation(act, y, M, N, bias, 0);
                System.arraycopy(t, 0, g, 0, g.length);
                k.activationBackward(act, y, g, g.length);
            }
            for (LossKind loss : LossKind.values()) {
                k.loss(loss, y, t, y.length, g, 1f);
                k.sigmoidOutputLoss(loss, y, t, y.length, g, 1f);
            }
            k.columnSums(g, M, N, sums, 0, round % 2 == 1);
            k.adam(p, g, m, v, 0, p.length, 1e-6f, 0.9f, 0.999f, 1e-8f, round + 1);
            k.gaussian(round, g, 0, g.length);
            k.uniform(round, g, 0, g.length);
            k.im2col(conv, image, 2, cols);
            k.col2im(conv, cols, 2, image, false);
            k.transposeEach(cols, 2, conv.positions(), conv.patchSize(), c, false);
            k.channelBiasActivation(Activation.RELU, image, 2, conv.channels(), conv.height() * conv.width(), bias, 0);
            k.channelSums(image, 2, conv.channels(), conv.height() * conv.width(), sums, 0, false);
        }

        private static float[] filled(int n, float step) {
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (i % 17) * step - 0.05f;
            }
            return x;
        }
    }
}
