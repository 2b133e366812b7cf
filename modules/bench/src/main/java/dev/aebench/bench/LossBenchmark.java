package dev.aebench.bench;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.LossKind;
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

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The fused sigmoid-output loss and its gradient with respect to the output pre-activation over
 * a 128 x 784 batch (MSE and BCE): reads output and target, writes the gradient, sums the loss.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LossBenchmark {
    /** Elements of one batch of reconstructions. */
    public static final int OUTPUT = 128 * 784;

    @Param({"mse", "bce"})
    public String loss;

    @Param({"vector"})
    public String kernel;

    @Param({"2"})
    public int threads;

    private Kernels kernels;
    private LossKind kind;
    private float[] y;
    private float[] target;
    private float[] gradZ;

    @Setup(Level.Trial)
    public void setUp() {
        kind = LossKind.valueOf(loss.toUpperCase(Locale.ROOT));
        kernels = kernel.equals("scalar") ? new ScalarKernels(threads) : new VectorKernels(threads);
        SplittableRandom r = new SplittableRandom(5);
        y = new float[OUTPUT];
        target = new float[OUTPUT];
        gradZ = new float[OUTPUT];
        for (int i = 0; i < OUTPUT; i++) {
            y[i] = (float) r.nextDouble(0.01, 0.99);
            target[i] = (float) r.nextDouble();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kernels.close();
    }

    @Benchmark
    public double sigmoidOutputLoss() {
        return kernels.sigmoidOutputLoss(kind, y, target, OUTPUT, gradZ, 1f);
    }
}
