package dev.aebench.bench;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.RowSparsity;
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
 * The exact deep Jacobian's two largest products on the shape of one {@code deep} training step:
 * 128 samples x 21 stacked rows (the code units that are on), 512 first-layer units of which
 * each sample has about half on. {@code product} is {@code V G} (G 512 x 512), {@code gram} is
 * {@code V^T V}; {@code dense} runs the plain GEMM / Gram on the same matrix (its zeros
 * included), {@code rowSparse} the {@link RowSparsity} kernels that skip them, {@code masked}
 * (product only) {@code rowSparseGemmMasked}, which also computes only the support's columns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RowSparseGemmBenchmark {
    static final int UNITS = 512;
    static final int SAMPLES = 128;
    static final int ROWS_PER_SAMPLE = 21;

    @Param({"product", "gram"})
    public String op;

    /** {@code dense}, {@code rowSparse} (rows skip zeros), {@code masked} (product on support x support only). */
    @Param({"dense", "rowSparse", "masked"})
    public String path;

    @Param({"2"})
    public int threads;

    private Kernels kernels;
    private final RowSparsity supports = new RowSparsity();
    private float[] v;
    private float[] g;
    private float[] out;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = new VectorKernels(threads);
        SplittableRandom r = new SplittableRandom(1);
        int rows = SAMPLES * ROWS_PER_SAMPLE;
        v = new float[rows * UNITS];
        g = new float[UNITS * UNITS];
        out = new float[Math.max(rows, UNITS) * UNITS];
        float[] on = new float[UNITS];
        for (int s = 0; s < SAMPLES; s++) {
            for (int u = 0; u < UNITS; u++) {
                on[u] = r.nextBoolean() ? 1f : 0f;
            }
            supports.addGroup((s + 1) * ROWS_PER_SAMPLE, on, 0, UNITS);
            for (int row = s * ROWS_PER_SAMPLE; row < (s + 1) * ROWS_PER_SAMPLE; row++) {
                for (int u = 0; u < UNITS; u++) {
                    v[row * UNITS + u] = on[u] * (float) r.nextGaussian();
                }
            }
        }
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) r.nextGaussian();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kernels.close();
    }

    @Benchmark
    public float[] run() {
        int rows = supports.rows();
        boolean dense = path.equals("dense");
        if (op.equals("product")) {
            if (dense) {
                kernels.gemm(false, false, rows, UNITS, UNITS, v, 0, UNITS, g, 0, UNITS, false, out, 0, UNITS);
            } else if (path.equals("masked")) {
                kernels.rowSparseGemmMasked(supports, UNITS, v, 0, UNITS, g, 0, UNITS, out, 0, UNITS);
            } else {
                kernels.rowSparseGemm(supports, UNITS, UNITS, v, 0, UNITS, g, 0, UNITS, out, 0, UNITS);
            }
        } else if (dense || path.equals("masked")) {
            kernels.gram(UNITS, rows, v, 0, UNITS, false, out, 0, UNITS);
        } else {
            kernels.rowSparseGram(supports, UNITS, v, 0, UNITS, false, out, 0, UNITS);
        }
        return out;
    }
}
