package dev.aebench.bench;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.ScalarKernels;
import dev.aebench.core.kernel.VectorKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One fused Adam pass over a whole parameter arena: the reference {@code ae}'s (402,448 floats)
 * and {@code deep}'s (944,176). Reads and writes parameters, gradients (zeroed) and both moments:
 * 32 bytes per parameter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AdamBenchmark {
    @Param({"402448", "944176"})
    public int arena;

    @Param({"vector"})
    public String kernel;

    @Param({"2"})
    public int threads;

    private Kernels kernels;
    private float[] params;
    private float[] grads;
    private float[] m;
    private float[] v;
    private int step;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = kernel.equals("scalar") ? new ScalarKernels(threads) : new VectorKernels(threads);
        SplittableRandom r = new SplittableRandom(7);
        params = new float[arena];
        grads = new float[arena];
        m = new float[arena];
        v = new float[arena];
        for (int i = 0; i < arena; i++) {
            params[i] = (float) r.nextDouble(-0.05, 0.05);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kernels.close();
    }

    /**
     * One step. Adam zeroes the gradients it consumes, so after the first call it runs on zero
     * gradients: the same memory traffic and arithmetic.
     */
    @Benchmark
    public float[] adam() {
        kernels.adam(params, grads, m, v, 0, arena, 1e-3f, 0.9f, 0.999f, 1e-8f, ++step);
        return params;
    }
}
