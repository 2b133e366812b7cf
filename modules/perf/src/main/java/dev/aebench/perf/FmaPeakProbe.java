package dev.aebench.perf;

import dev.aebench.core.kernel.FmaChains;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A quick measurement of one core's single-precision FMA peak from Java: {@value #CHAINS}
 * independent chains of {@code FloatVector.fma} at the preferred width, in registers, the loop of
 * {@link FmaChains}, as the JMH {@code PeakFlopsBenchmark} but timed here in a few hundredths of a second. The
 * result is the best of {@value #TRIALS} short trials after a warm-up: a neighbour that takes the
 * core for a while makes some trials slow but cannot make one faster than the machine, so the best
 * trial is a stable estimate of the peak even on a busy machine.
 */
public final class FmaPeakProbe {
    static final int CHAINS = FmaChains.CHAINS;
    static final int ITERATIONS = 200_000;
    static final int TRIALS = 30;
    static final int WARMUP = 60;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static volatile float sink;

    private FmaPeakProbe() {
    }

    /** Floating-point operations of one trial: chains x lanes x 2 x iterations. */
    static long flopsPerTrial() {
        return (long) CHAINS * S.length() * 2 * ITERATIONS;
    }

    /** The best rate of the trials, in GFLOP/s, on the calling thread. */
    public static double measureGflops() {
        for (int i = 0; i < WARMUP; i++) {
            sink = chains();
        }
        long best = Long.MAX_VALUE;
        for (int t = 0; t < TRIALS; t++) {
            long t0 = System.nanoTime();
            sink = chains();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return flopsPerTrial() / (double) best;
    }

    private static final float[] SCALE = filled(S.length(), 0.999f);
    private static final float[] SEEDS = seeds();

    private static float[] filled(int n, float v) {
        float[] x = new float[n];
        java.util.Arrays.fill(x, v);
        return x;
    }

    private static float[] seeds() {
        float[] x = new float[CHAINS * S.length()];
        for (int k = 0; k < CHAINS; k++) {
            java.util.Arrays.fill(x, k * S.length(), (k + 1) * S.length(), 0.01f * (k + 1));
        }
        return x;
    }

    private static float chains() {
        return FmaChains.run(SCALE, SEEDS, ITERATIONS);
    }
}
