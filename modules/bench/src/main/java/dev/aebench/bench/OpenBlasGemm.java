package dev.aebench.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * OpenBLAS's {@code cblas_sgemm} through JavaCPP's presets ({@code org.bytedeco:openblas}), for
 * the engine comparison in {@link GemmBenchmark} ({@code -p kernel=openblas}). It is reached by
 * reflection so that the normal build does not carry 20 MB of natives: build the benchmarks with
 * {@code mvn -Popenblas -pl modules/bench -am package -DskipTests}. The operands live off-heap
 * ({@code FloatPointer}s filled once), so the timing is the native call alone; the thread count
 * is OpenBLAS's own, from {@code OPENBLAS_NUM_THREADS}, which must equal {@code threads}.
 */
final class OpenBlasGemm {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private final MethodHandle sgemm;
    private final MethodHandle pointer;
    private Object a;
    private Object b;
    private Object c;

    private OpenBlasGemm(MethodHandle sgemm, MethodHandle pointer) {
        this.sgemm = sgemm;
        this.pointer = pointer;
    }

    static OpenBlasGemm load(int threads) {
        String env = System.getenv("OPENBLAS_NUM_THREADS");
        if (env == null || !env.equals(Integer.toString(threads))) {
            throw new IllegalStateException("set OPENBLAS_NUM_THREADS=" + threads + " (found " + env + ")");
        }
        try {
            Class<?> fp = Class.forName("org.bytedeco.javacpp.FloatPointer");
            Class<?> blas = Class.forName("org.bytedeco.openblas.global.openblas_nolapack");
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            MethodHandle sgemm = l.findStatic(blas, "cblas_sgemm", MethodType.methodType(void.class, int.class, int.class,
                    int.class, int.class, int.class, int.class, float.class, fp, int.class, fp, int.class, float.class, fp,
                    int.class));
            MethodHandle pointer = l.findConstructor(fp, MethodType.methodType(void.class, float[].class));
            return new OpenBlasGemm(sgemm, pointer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OpenBLAS presets not on the class path: build with -Popenblas", e);
        }
    }

    void prepare(float[] av, float[] bv, float[] cv) {
        try {
            a = pointer.invoke(av);
            b = pointer.invoke(bv);
            c = pointer.invoke(cv);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    void sgemm(boolean ta, boolean tb, int m, int n, int k, int lda, int ldb, int ldc) throws Throwable {
        sgemm.invoke(ROW_MAJOR, ta ? TRANS : NO_TRANS, tb ? TRANS : NO_TRANS, m, n, k, 1f, a, lda, b, ldb, 0f, c, ldc);
    }
}
