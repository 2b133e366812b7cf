package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The loop that measures this machine's single-precision FMA peak from Java: {@value #CHAINS}
 * independent chains of {@code FloatVector.fma} at the preferred width, in registers only, so
 * neither memory nor dependencies limit it (enough chains to cover FMA latency times throughput
 * on current x86 cores). The JMH {@code PeakFlopsBenchmark} and the perf gate's quick CPU-class
 * probe both run it.
 */
public final class FmaChains {
    /** Independent accumulator chains. */
    public static final int CHAINS = 12;
    /** The preferred species, whose length is the lanes per chain. */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private FmaChains() {
    }

    /** Floating-point operations of one {@link #run}: chains x lanes x 2 (multiply and add) x iterations. */
    public static long flops(int iterations) {
        return (long) CHAINS * SPECIES.length() * 2 * iterations;
    }

    /**
     * {@code iterations} rounds of {@code c_k = c_k * a + 1e-4} on every chain, the chains starting
     * from {@code seeds} ({@code CHAINS x lanes}) and {@code a} from {@code scale} (one vector);
     * returns the sum of all lanes (for a sink, so the loop is not removed).
     */
    public static float run(float[] scale, float[] seeds, int iterations) {
        int l = SPECIES.length();
        FloatVector a = FloatVector.fromArray(SPECIES, scale, 0);
        FloatVector b = FloatVector.broadcast(SPECIES, 1e-4f);
        FloatVector c0 = FloatVector.fromArray(SPECIES, seeds, 0);
        FloatVector c1 = FloatVector.fromArray(SPECIES, seeds, l);
        FloatVector c2 = FloatVector.fromArray(SPECIES, seeds, 2 * l);
        FloatVector c3 = FloatVector.fromArray(SPECIES, seeds, 3 * l);
        FloatVector c4 = FloatVector.fromArray(SPECIES, seeds, 4 * l);
        FloatVector c5 = FloatVector.fromArray(SPECIES, seeds, 5 * l);
        FloatVector c6 = FloatVector.fromArray(SPECIES, seeds, 6 * l);
        FloatVector c7 = FloatVector.fromArray(SPECIES, seeds, 7 * l);
        FloatVector c8 = FloatVector.fromArray(SPECIES, seeds, 8 * l);
        FloatVector c9 = FloatVector.fromArray(SPECIES, seeds, 9 * l);
        FloatVector c10 = FloatVector.fromArray(SPECIES, seeds, 10 * l);
        FloatVector c11 = FloatVector.fromArray(SPECIES, seeds, 11 * l);
        for (int i = 0; i < iterations; i++) {
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
