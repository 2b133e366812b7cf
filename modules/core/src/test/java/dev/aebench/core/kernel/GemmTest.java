package dev.aebench.core.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * GEMM of every kernel implementation against a naive double-precision reference: all transpose
 * combinations, accumulate or not, offsets and padded leading dimensions, awkward sizes and the
 * shapes of the reference 784-256 model.
 */
class GemmTest {

    private static List<Kernels> kernels;

    @BeforeAll
    static void start() {
        kernels = List.of(new VectorKernels(1), new VectorKernels(2), new ScalarKernels(1), new ScalarKernels(2));
    }

    @AfterAll
    static void stop() {
        kernels.forEach(Kernels::close);
    }

    private static final boolean[] BOOLS = {false, true};

    /** A GEMM problem: A, B, C with padding and offsets, and the double reference for C. */
    private static final class Problem {
        final boolean ta;
        final boolean tb;
        final int m;
        final int n;
        final int k;
        final int aOff;
        final int lda;
        final int bOff;
        final int ldb;
        final int cOff;
        final int ldc;
        final float[] a;
        final float[] b;
        final float[] c0;
        final double[] ref;    // op(A) op(B), m x n
        final double[] scale;  // sum over p of |op(A)[i,p] op(B)[p,j]|, for the error bound

        Problem(boolean ta, boolean tb, int m, int n, int k, int pad, int off, long seed) {
            this.ta = ta;
            this.tb = tb;
            this.m = m;
            this.n = n;
            this.k = k;
            SplittableRandom rnd = new SplittableRandom(seed);
            int aRows = ta ? k : m;
            int aCols = ta ? m : k;
            int bRows = tb ? n : k;
            int bCols = tb ? k : n;
            lda = aCols + pad;
            ldb = bCols + pad;
            ldc = n + pad;
            aOff = off;
            bOff = off * 2 + 1;
            cOff = off + 3;
            a = new float[aOff + aRows * lda + off];
            b = new float[bOff + bRows * ldb + off];
            c0 = new float[cOff + m * ldc + off];
            fill(a, rnd);
            fill(b, rnd);
            fill(c0, rnd);
            // op(A) row-major m x k and op(B) transposed (n x k) in double, so the reference is a dot product
            double[] oa = new double[m * k];
            double[] obt = new double[n * k];
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    oa[i * k + p] = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                }
            }
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    obt[j * k + p] = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                }
            }
            ref = new double[m * n];
            scale = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    double t = 0;
                    for (int p = 0; p < k; p++) {
                        double x = oa[i * k + p] * obt[j * k + p];
                        s += x;
                        t += Math.abs(x);
                    }
                    ref[i * n + j] = s;
                    scale[i * n + j] = t;
                }
            }
        }

        private static void fill(float[] x, SplittableRandom rnd) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextDouble(-1, 1);
            }
        }

        void check(Kernels kern, boolean accumulate) {
            float[] c = c0.clone();
            float[] aCopy = a.clone();
            float[] bCopy = b.clone();
            kern.gemm(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
            String what = kern.name() + "/" + kern.threads() + "t " + (ta ? "T" : "N") + (tb ? "T" : "N") + " "
                    + m + "x" + n + "x" + k + " ld+" + (ldc - n) + " off " + aOff + (accumulate ? " acc" : "");
            assertArrayEqualsBits(aCopy, a, what + ": A modified");
            assertArrayEqualsBits(bCopy, b, what + ": B modified");
            double tolFactor = 1e-5 * Math.sqrt(Math.max(k, 1));
            for (int idx = 0; idx < c.length; idx++) {
                int rel = idx - cOff;
                int i = rel >= 0 ? rel / ldc : -1;
                int j = rel >= 0 ? rel % ldc : -1;
                if (rel < 0 || i >= m || j >= n) {
                    if (Float.floatToRawIntBits(c[idx]) != Float.floatToRawIntBits(c0[idx])) {
                        fail(what + ": wrote outside C at array index " + idx);
                    }
                    continue;
                }
                double expected = ref[i * n + j] + (accumulate ? c0[idx] : 0.0);
                double bound = tolFactor * (scale[i * n + j] + (accumulate ? Math.abs(c0[idx]) : 0.0)) + 1e-30;
                double err = Math.abs(c[idx] - expected);
                if (!(err <= bound)) {
                    fail(what + ": C[" + i + "," + j + "] = " + c[idx] + ", expected " + expected + " (error " + err
                            + " > " + bound + ")");
                }
            }
        }
    }

    static void assertArrayEqualsBits(float[] expected, float[] actual, String message) {
        assertEquals(expected.length, actual.length, message);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail(message + " at " + i + ": " + expected[i] + " vs " + actual[i]);
            }
        }
    }

    private static void checkAll(int m, int n, int k, int pad, int off, boolean[] accumulates) {
        for (boolean ta : BOOLS) {
            for (boolean tb : BOOLS) {
                Problem p = new Problem(ta, tb, m, n, k, pad, off, 31L * m + 17L * n + k + (ta ? 5 : 0) + (tb ? 11 : 0));
                for (Kernels kern : kernels) {
                    for (boolean acc : accumulates) {
                        p.check(kern, acc);
                    }
                }
            }
        }
    }

    @Test
    void oneByOneByOne() {
        checkAll(1, 1, 1, 0, 0, BOOLS);
        checkAll(1, 1, 1, 3, 2, BOOLS);
    }

    @Test
    void primeSizes() {
        int[] primes = {1, 2, 3, 5, 7, 13, 31, 37};
        for (int m : primes) {
            for (int n : primes) {
                for (int k : new int[] {1, 7, 13, 31, 37}) {
                    checkAll(m, n, k, 0, 0, BOOLS);
                }
            }
        }
    }

    @Test
    void sizesAroundTheVectorWidth() {
        int[] sizes = {4, 5, 8, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65};
        for (int s : sizes) {
            checkAll(s, s, s, 0, 0, BOOLS);
            checkAll(s, 2 * s + 1, s - 1, 0, 0, BOOLS);
            checkAll(s + 3, s, 2 * s + 1, 0, 0, BOOLS);
        }
    }

    @Test
    void offsetsAndPaddedLeadingDimensions() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {7, 33, 13}, {9, 17, 40}, {33, 35, 17}, {64, 48, 37}, {41, 100, 70}};
        for (int[] s : shapes) {
            for (int pad : new int[] {1, 3, 16, 17}) {
                checkAll(s[0], s[1], s[2], pad, 5 + pad, BOOLS);
            }
        }
    }

    @Test
    void largeEnoughToRunInParallel() {
        // more than 2^15 multiply-adds, row counts that do not split evenly in blocks of four
        checkAll(67, 71, 53, 2, 1, BOOLS);
        checkAll(130, 33, 65, 0, 0, BOOLS);
        checkAll(9, 257, 31, 5, 3, BOOLS);
    }

    @Test
    void emptyInnerDimension() {
        for (boolean ta : BOOLS) {
            for (boolean tb : BOOLS) {
                for (Kernels kern : kernels) {
                    float[] c = {1, 2, 3, 4, 5, 6};
                    kern.gemm(ta, tb, 2, 3, 0, new float[0], 0, 1, new float[0], 0, 3, true, c, 0, 3);
                    assertArrayEqualsBits(new float[] {1, 2, 3, 4, 5, 6}, c, kern.name() + " k=0 accumulate");
                    kern.gemm(ta, tb, 2, 3, 0, new float[0], 0, 1, new float[0], 0, 3, false, c, 0, 3);
                    assertArrayEqualsBits(new float[6], c, kern.name() + " k=0 overwrite");
                    float[] d = {7, 8};
                    kern.gemm(ta, tb, 0, 2, 5, new float[25], 0, 5, new float[25], 0, 5, false, d, 0, 2);
                    kern.gemm(ta, tb, 2, 0, 5, new float[25], 0, 5, new float[25], 0, 5, false, d, 0, 2);
                    assertArrayEqualsBits(new float[] {7, 8}, d, kern.name() + " m or n = 0 writes nothing");
                }
            }
        }
    }

    @Test
    void referenceModelShapes() {
        // forward, weight gradient and input gradient of a 784-256 dense layer with batch 128, both ways
        int[][] shapes = {{128, 256, 784}, {784, 256, 128}, {128, 784, 256}, {256, 784, 128}};
        for (int[] s : shapes) {
            for (boolean ta : BOOLS) {
                for (boolean tb : BOOLS) {
                    Problem p = new Problem(ta, tb, s[0], s[1], s[2], 0, 0, s[0] * 7L + s[1] + s[2] * 3L);
                    boolean acc = ta; // accumulate like the weight gradients do; overwrite otherwise
                    for (Kernels kern : kernels) {
                        if (kern instanceof VectorKernels || kern.threads() == 2) {
                            p.check(kern, acc);
                        }
                    }
                }
            }
        }
    }

    @Test
    void badSizesAreRejected() {
        for (Kernels kern : kernels) {
            float[] a = new float[12];
            float[] b = new float[12];
            float[] c = new float[9];
            // a valid call for reference: 3x3 = (3x4)(4x3)
            kern.gemm(false, false, 3, 3, 4, a, 0, 4, b, 0, 3, false, c, 0, 3);
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, -1, 3, 4, a, 0, 4, b, 0, 3, false, c, 0, 3), "negative m");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 3, -3, 4, a, 0, 4, b, 0, 3, false, c, 0, 3), "negative n");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 3, 3, -4, a, 0, 4, b, 0, 3, false, c, 0, 3), "negative k");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 3, 3, 4, a, 0, 3, b, 0, 3, false, c, 0, 3), "lda < k");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 3, 3, 4, a, 0, 4, b, 0, 2, false, c, 0, 3), "ldb < n");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 3, 3, 4, a, 0, 4, b, 0, 3, false, c, 0, 2), "ldc < n");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 3, 3, 4, a, 1, 4, b, 0, 3, false, c, 0, 3), "A offset overflows");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 3, 3, 4, a, 0, 4, b, 1, 3, false, c, 0, 3), "B offset overflows");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 3, 3, 4, a, 0, 4, b, 0, 3, false, c, 1, 3), "C offset overflows");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 3, 3, 4, a, -1, 4, b, 0, 3, false, c, 0, 3), "negative offset");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 4, 3, 4, a, 0, 4, b, 0, 3, false, c, 0, 3), "A too small for m");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(true, false, 3, 3, 4, a, 0, 4, b, 0, 3, false, c, 0, 3),
                    "transposed A is 4x3, lda 4 > 3 rows overflow");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, true, 3, 3, 4, a, 0, 4, b, 0, 3, false, c, 0, 3), "transposed B needs ldb >= k");
            assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(true, true, 3, 3, 5, a, 0, 3, b, 0, 5, false, c, 0, 3), "k too large for both");
        }
    }
}
