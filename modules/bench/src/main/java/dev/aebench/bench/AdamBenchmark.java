package dev.aebench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * One fused Adam pass over a whole parameter arena: the reference {@code ae}'s (402,448 floats)
 * and {@code deep}'s (944,176). Reads and writes parameters, gradients (zeroed) and both moments:
 * 32 bytes per parameter.
 */
public class AdamBenchmark extends KernelBenchmark {
    @Param({"402448", "944176"})
    public int arena;

    private float[] params;
    private float[] grads;
    private float[] m;
    private float[] v;
    private int step;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = createKernels();
        SplittableRandom r = new SplittableRandom(7);
        params = new float[arena];
        grads = new float[arena];
        m = new float[arena];
        v = new float[arena];
        for (int i = 0; i < arena; i++) {
            params[i] = (float) r.nextDouble(-0.05, 0.05);
        }
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
