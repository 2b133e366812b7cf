package dev.aebench.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The achievable single-precision FLOP rate of this machine from Java: {@value #CHAINS}
 * independent chains of {@code FloatVector.fma} at the preferred width, in registers only, so
 * neither memory nor dependencies limit it (enough chains to cover FMA latency times
 * throughput on current x86 cores). {@code oneThread} is one core's peak, {@code twoThreads}
 * the whole 2-core machine's (JMH sums the throughput of its threads). One op is
 * {@link #flopsPerOp()} floating-point operations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PeakFlopsBenchmark {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int CHAINS = 12;
    static final int ITERATIONS = 1000;

    private final float[] seeds = new float[CHAINS * S.length()];
    private final float[] scale = new float[S.length()];

    public PeakFlopsBenchmark() {
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = 1e-3f * i;
        }
        java.util.Arrays.fill(scale, 0.999f);
    }

    /** Floating-point operations of one op: chains x lanes x 2 (multiply and add) x iterations. */
    public static long flopsPerOp() {
        return (long) CHAINS * S.length() * 2 * ITERATIONS;
    }

    @Benchmark
    @Threads(1)
    public float oneThread() {
        return fmaChains();
    }

    @Benchmark
    @Threads(2)
    public float twoThreads() {
        return fmaChains();
    }

    private float fmaChains() {
        int l = S.length();
        FloatVector a = FloatVector.fromArray(S, scale, 0);
        FloatVector b = FloatVector.broadcast(S, 1e-4f);
        FloatVector c0 = FloatVector.fromArray(S, seeds, 0);
        FloatVector c1 = FloatVector.fromArray(S, seeds, l);
        FloatVector c2 = FloatVector.fromArray(S, seeds, 2 * l);
        FloatVector c3 = FloatVector.fromArray(S, seeds, 3 * l);
        FloatVector c4 = FloatVector.fromArray(S, seeds, 4 * l);
        FloatVector c5 = FloatVector.fromArray(S, seeds, 5 * l);
        FloatVector c6 = FloatVector.fromArray(S, seeds, 6 * l);
        FloatVector c7 = FloatVector.fromArray(S, seeds, 7 * l);
        FloatVector c8 = FloatVector.fromArray(S, seeds, 8 * l);
        FloatVector c9 = FloatVector.fromArray(S, seeds, 9 * l);
        FloatVector c10 = FloatVector.fromArray(S, seeds, 10 * l);
        FloatVector c11 = FloatVector.fromArray(S, seeds, 11 * l);
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
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).reduceLanes(
                jdk.incubator.vector.VectorOperators.ADD);
    }
}
