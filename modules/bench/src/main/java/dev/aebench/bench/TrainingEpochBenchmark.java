package dev.aebench.bench;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;
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

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Training throughput per family at its reference configuration: one epoch over 2,560
 * synthetic 28x28 images (20 steps of batch 128), so the time per op divided by 20 is one
 * training step, and times 469 is one Fashion-MNIST epoch. For {@code pca} one op is a whole fit
 * on the 2,560 images (covariance and subspace iteration), which has no steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingEpochBenchmark {
    /** Steps per op. */
    public static final int STEPS = 20;

    @Param({"ae", "deep", "tied", "linear", "dae", "cae", "sparse", "conv", "vae", "psd", "pca"})
    public String family;

    @Param({"2"})
    public int threads;

    private Kernels kernels;
    private Autoencoder model;
    private Dataset data;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = KernelFactory.create(threads);
        data = SyntheticImages.generate(STEPS * 128, 28, 10, 1);
        ModelFamily f = ModelRegistry.load().get(family);
        model = f.create(ModelConfig.resolve(f, Map.of()), new ModelContext(28, 28, 0, kernels));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kernels.close();
    }

    @Benchmark
    public FitReport epoch() {
        return model.fit(data, 1, EpochListener.NONE);
    }
}
