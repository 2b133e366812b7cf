package dev.aebench.bench;

import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.probe.LabelledCodes;
import dev.aebench.probe.LinearProbe;
import dev.aebench.probe.ProbeOptions;
import dev.aebench.probe.ProbeSolver;
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
 * The linear probe end to end (standardise, fit, score the test rows) with each solver, on
 * Fashion-MNIST-sized synthetic codes: 60,000 training and 10,000 test rows of {@code dim}
 * values, 10 Gaussian classes (well separated: at dim 256 both solvers get 99 % of the test
 * rows right, so this times the solvers, not their accuracy). One fit per measurement (the SGD solver takes seconds); the test accuracy of the last
 * fit is printed at the end of each trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class ProbeSolverBenchmark {
    @Param({"lbfgs", "sgd"})
    public String solver;

    @Param({"32", "256"})
    public int dim;

    @Param({"2"})
    public int threads;

    private Kernels kernels;
    private LabelledCodes train;
    private LabelledCodes test;
    private double accuracy;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = KernelFactory.create(threads);
        double spread = 1.6 / Math.sqrt(dim);
        SplittableRandom means = new SplittableRandom(3);
        double[][] mean = new double[10][dim];
        for (double[] m : mean) {
            for (int j = 0; j < dim; j++) {
                m[j] = spread * means.nextGaussian();
            }
        }
        train = sample("training", 60_000, mean, 1);
        test = sample("test", 10_000, mean, 2);
    }

    private LabelledCodes sample(String role, int rows, double[][] mean, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * dim];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % 10;
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = (float) (mean[y[i]][j] + 0.35 * r.nextGaussian());
            }
        }
        return new LabelledCodes(role, x, y, dim);
    }

    @Benchmark
    public double probe() {
        ProbeSolver s = ProbeSolver.parse("solver", solver);
        accuracy = new LinearProbe(ProbeOptions.defaults(s), kernels).evaluate(train, test).accuracy();
        return accuracy;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.printf("%n  %s dim=%d: test accuracy %.4f%n", solver, dim, accuracy);
        kernels.close();
    }
}
