package dev.aebench.perf;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A quick measurement of one core's single-precision FMA peak from Java: {@value #CHAINS}
 * independent chains of {@code FloatVector.fma} at the preferred width, in registers, the same
 * loop as the JMH {@code PeakFlopsBenchmark} but timed here in a few hundredths of a second. The
 * result is the best of {@value #TRIALS} short trials after a warm-up: a neighbour that takes the
 * core for a while makes some trials slow but cannot make one faster than the machine, so the best
 * trial is a stable estimate of the peak even on a busy machine.
 */
public final class FmaPeakProbe {
    static final int CHAINS = 12;
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
            sink = chains(0.999f);
        }
        long best = Long.MAX_VALUE;
        for (int t = 0; t < TRIALS; t++) {
            long t0 = System.nanoTime();
            sink = chains(0.999f);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return flopsPerTrial() / (double) best;
    }

    private static float chains(float scale) {
        FloatVector a = FloatVector.broadcast(S, scale);
        FloatVector b = FloatVector.broadcast(S, 1e-4f);
        FloatVector c0 = FloatVector.broadcast(S, 0.01f);
        FloatVector c1 = FloatVector.broadcast(S, 0.02f);
        FloatVector c2 = FloatVector.broadcast(S, 0.03f);
        FloatVector c3 = FloatVector.broadcast(S, 0.04f);
        FloatVector c4 = FloatVector.broadcast(S, 0.05f);
        FloatVector c5 = FloatVector.broadcast(S, 0.06f);
        FloatVector c6 = FloatVector.broadcast(S, 0.07f);
        FloatVector c7 = FloatVector.broadcast(S, 0.08f);
        FloatVector c8 = FloatVector.broadcast(S, 0.09f);
        FloatVector c9 = FloatVector.broadcast(S, 0.10f);
        FloatVector c10 = FloatVector.broadcast(S, 0.11f);
        FloatVector c11 = FloatVector.broadcast(S, 0.12f);
        for (int i = 0; i < ITERATIONS; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
            c10 = c10.fma(a, b);
            c11 = c11.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
