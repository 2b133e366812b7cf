package dev.aebench.bench;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.ScalarKernels;
import dev.aebench.core.kernel.VectorKernels;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the kernel benchmarks share: average time in microseconds, 3 warm-up and 5 measured
 * iterations of a second in one fork with the Vector API, the {@code kernel} and
 * {@code threads} parameters, and the kernels they name, closed after the trial. A subclass
 * sets {@link #kernels} from {@link #createKernels()} in its own set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public abstract class KernelBenchmark {
    /** {@code vector} (ours) or {@code scalar} (the reference). */
    @Param({"vector"})
    public String kernel;

    @Param({"2"})
    public int threads;

    protected Kernels kernels;

    /** The kernels named by {@link #kernel}, on {@link #threads} threads. */
    protected Kernels createKernels() {
        return kernel.equals("scalar") ? new ScalarKernels(threads) : new VectorKernels(threads);
    }

    @TearDown(Level.Trial)
    public void closeKernels() {
        kernels.close();
    }
}
