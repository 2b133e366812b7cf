package dev.aebench.bench;

import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.ScalarKernels;
import dev.aebench.core.kernel.VectorKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * The GEMM shapes of one training step of the reference models, batch 128. {@code ae}
 * (784-256-784): encoder forward, decoder forward, decoder weight gradient, hidden gradient,
 * encoder weight gradient. {@code deep} (784-512-128-32 and back): the first and last layers'
 * forward, weight and input gradients, and two of the small inner products. GFLOP/s =
 * 2*m*n*k / (time per op); {@link GemmReport} prints that from JMH's JSON, beside the peak that
 * {@link PeakFlopsBenchmark} measures. Besides {@code vector} and {@code scalar}, {@code kernel} may
 * be {@code openblas} (needs {@code -Popenblas}, see {@link OpenBlasGemm}).
 */
public class GemmBenchmark extends KernelBenchmark {

    /** op:m:n:k, where op is NN, TN or NT (A transposed, B transposed). */
    @Param({"NN:128:256:784", "NN:128:784:256", "TN:256:784:128", "NT:128:256:784", "TN:784:256:128",
            "NN:128:512:784", "NN:128:784:512", "TN:512:784:128", "NT:128:512:784", "TN:784:512:128",
            "NN:128:128:512", "NN:128:32:128", "NT:128:128:512"})
    public String shape;

    private OpenBlasGemm blas;
    private boolean ta;
    private boolean tb;
    private int m;
    private int n;
    private int k;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup(Level.Trial)
    public void setUp() {
        String[] p = shape.split(":");
        ta = p[0].charAt(0) == 'T';
        tb = p[0].charAt(1) == 'T';
        m = Integer.parseInt(p[1]);
        n = Integer.parseInt(p[2]);
        k = Integer.parseInt(p[3]);
        kernels = kernel.equals("scalar") ? new ScalarKernels(threads) : kernel.equals("vector")
                ? new VectorKernels(threads) : KernelFactory.create(threads);
        if (kernel.equals("openblas")) {
            blas = OpenBlasGemm.load(threads);
        }
        SplittableRandom r = new SplittableRandom(1);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextDouble(-1, 1);
        }
        if (blas != null) {
            blas.prepare(a, b, c);
        }
    }

    @Benchmark
    public float[] gemm() throws Throwable {
        if (blas != null) {
            blas.sgemm(ta, tb, m, n, k, ta ? m : k, tb ? k : n, n);
            return c;
        }
        kernels.gemm(ta, tb, m, n, k, a, 0, ta ? m : k, b, 0, tb ? k : n, false, c, 0, n);
        return c;
    }
}
