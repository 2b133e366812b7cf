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
    static final int CHAINS = dev.aebench.core.kernel.FmaChains.CHAINS;
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
        return dev.aebench.core.kernel.FmaChains.run(scale, seeds, ITERATIONS);
    }
}
