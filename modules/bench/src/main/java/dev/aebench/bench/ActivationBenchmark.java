package dev.aebench.bench;

import dev.aebench.core.kernel.Activation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * The fused element-wise kernels of a dense layer at the reference shapes (batch 128 by 256, 512
 * and 784 units): {@code biasActivation} (forward: add the bias, apply the activation in place;
 * reads and writes each element once) and {@code activationBackward} (multiplies the gradient by
 * the activation's derivative taken from its output; reads two arrays, writes one).
 */
public class ActivationBenchmark extends KernelBenchmark {
    /** rows:cols. */
    @Param({"128:256", "128:512", "128:784"})
    public String shape;

    @Param({"sigmoid", "relu"})
    public String activation;

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
        kernels = createKernels();
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
