package dev.aebench.bench;

import dev.aebench.core.kernel.LossKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The fused sigmoid-output loss and its gradient with respect to the output pre-activation over
 * a 128 x 784 batch (MSE and BCE): reads output and target, writes the gradient, sums the loss.
 */
public class LossBenchmark extends KernelBenchmark {
    /** Elements of one batch of reconstructions. */
    public static final int OUTPUT = 128 * 784;

    @Param({"mse", "bce"})
    public String loss;

    private LossKind kind;
    private float[] y;
    private float[] target;
    private float[] gradZ;

    @Setup(Level.Trial)
    public void setUp() {
        kind = LossKind.valueOf(loss.toUpperCase(Locale.ROOT));
        kernels = createKernels();
        SplittableRandom r = new SplittableRandom(5);
        y = new float[OUTPUT];
        target = new float[OUTPUT];
        gradZ = new float[OUTPUT];
        for (int i = 0; i < OUTPUT; i++) {
            y[i] = (float) r.nextDouble(0.01, 0.99);
            target[i] = (float) r.nextDouble();
        }
    }

    @Benchmark
    public double sigmoidOutputLoss() {
        return kernels.sigmoidOutputLoss(kind, y, target, OUTPUT, gradZ, 1f);
    }
}
