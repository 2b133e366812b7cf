package dev.aebench.bench;

import dev.aebench.core.kernel.Activation;
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
 * The fused element-wise kernels of a dense layer at the reference shapes (batch 128 by 256, 512
 * and 784 units): {@code biasActivation} (forward: add the bias, apply the activation in place;
 * reads and writes each element once) and {@code activationBackward} (multiplies the gradient by
 * the activation's derivative taken from its output; reads two arrays, writes one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ActivationBenchmark {
    /** rows:cols. */
    @Param({"128:256", "128:512", "128:784"})
    public String shape;

    @Param({"sigmoid", "relu"})
    public String activation;

    @Param({"vector"})
    public String kernel;

    @Param({"2"})
    public int threads;

    private Kernels kernels;
    private Activation act;
    private int rows;
    private int cols;
    private float[] z;
    private float[] source;
    private float[] bias;
    private float[] grad;

    @Setup(Level.Trial)
    public void setUp() {
        String[] p = shape.split(":");
        rows = Integer.parseInt(p[0]);
        cols = Integer.parseInt(p[1]);
        act = Activation.parse(activation);
        kernels = kernel.equals("scalar") ? new ScalarKernels(threads) : new VectorKernels(threads);
        SplittableRandom r = new SplittableRandom(3);
        source = new float[rows * cols];
        for (int i = 0; i < source.length; i++) {
            source[i] = (float) r.nextDouble(-4, 4);
        }
        z = source.clone();
        bias = new float[cols];
        for (int j = 0; j < cols; j++) {
            bias[j] = (float) r.nextDouble(-0.1, 0.1);
        }
        grad = new float[rows * cols];
        for (int i = 0; i < grad.length; i++) {
            grad[i] = (float) r.nextDouble(-1, 1);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kernels.close();
    }

    /** Restores the pre-activations (a copy, included in the time) and applies bias + activation. */
    @Benchmark
    public float[] biasActivation() {
        System.arraycopy(source, 0, z, 0, z.length);
        kernels.biasActivation(act, z, rows, cols, bias, 0);
        return z;
    }

    /** The gradient is scaled in place; its values shrink but stay finite for the whole run. */
    @Benchmark
    public float[] activationBackward() {
        kernels.activationBackward(act, z, grad, rows * cols);
        return grad;
    }
}
