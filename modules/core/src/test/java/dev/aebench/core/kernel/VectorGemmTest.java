package dev.aebench.core.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.aebench.core.kernel.GemmTest.assertArrayEqualsBits;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The register-blocked vector GEMM paths give the scalar kernels' bits (every lane sums its
 * products with fused multiply-adds in increasing p), whatever the thread count, over row tails
 * (m not a multiple of 8), panel tails (n not a multiple of two vectors, masked or not), packed
 * transposed B, offsets and padded leading dimensions. The dot-product path for A B^T with few
 * rows and a long inner dimension sums lanes in another order, so it is compared within rounding.
 */
class VectorGemmTest {
    private static ScalarKernels scalar;
    private static VectorKernels one;
    private static VectorKernels three;

    @BeforeAll
    static void start() {
        scalar = new ScalarKernels(1);
        one = new VectorKernels(1);
        three = new VectorKernels(3);
    }

    @AfterAll
    static void stop() {
        scalar.close();
        one.close();
        three.close();
    }

    private static final int[][] SHAPES = {
        {1, 1, 1}, {8, 32, 5}, {9, 33, 7}, {15, 47, 3}, {17, 16, 9}, {7, 9, 16}, {64, 100, 40},
        {25, 144, 32}, {200, 31, 13}, {3, 70, 129}, {130, 20, 300}, {40, 400, 64},
        // long inner dimensions: split along k into chained passes (VectorKernels.KC)
        {70, 83, 777}, {9, 530, 600}, {64, 64, 512},
    };

    @Test
    void gramEqualsTheFullTransposedGemmBitForBit() {
        int[][] shapes = {{1, 1}, {5, 3}, {33, 7}, {64, 40}, {70, 129}, {100, 61}, {257, 33}, {512, 96}, {100, 1100},
            {77, 600}};
        SplittableRandom rnd = new SplittableRandom(11);
        for (int[] s : shapes) {
            int n = s[0];
            int k = s[1];
            int lda = n + 3;
            int ldc = n + 2;
            float[] a = new float[5 + k * lda];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) rnd.nextGaussian();
            }
            float[] start = new float[1 + n * ldc];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    float v = (float) rnd.nextGaussian();
                    start[1 + i * ldc + j] = v;
                    start[1 + j * ldc + i] = v;
                }
            }
            for (boolean acc : new boolean[] {false, true}) {
                float[] expected = start.clone();
                scalar.gemm(true, false, n, n, k, a, 5, lda, a, 5, lda, acc, expected, 1, ldc);
                for (VectorKernels v : new VectorKernels[] {one, three}) {
                    float[] c = start.clone();
                    v.gram(n, k, a, 5, lda, acc, c, 1, ldc);
                    assertArrayEqualsBits(expected, c, "gram " + n + "x" + k + (acc ? " acc" : "") + ", "
                            + v.threads() + " threads");
                }
            }
        }
    }

    @Test
    void packedPathsMatchScalarBitForBit() {
        for (int[] s : SHAPES) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    if (ta && tb) {
                        continue;
                    }
                    for (boolean acc : new boolean[] {false, true}) {
                        int m = s[0];
                        int n = s[1];
                        int k = s[2];
                        if (tb && k >= 128 && k >= 64 * m) {
                            continue; // dot-product path, checked below
                        }
                        String what = (ta ? "T" : "N") + (tb ? "T" : "N") + " " + m + "x" + n + "x" + k + (acc ? " acc" : "");
                        float[][] r = run(m, n, k, ta, tb, acc, 2, 3, 7L * m + n + 13L * k);
                        assertArrayEqualsBits(r[0], r[1], what + ": vector 1 thread vs scalar");
                        assertArrayEqualsBits(r[0], r[2], what + ": vector 3 threads vs scalar");
                    }
                }
            }
        }
    }

    @Test
    void dotProductPathAgreesWithinRoundingAndAcrossThreads() {
        int[][] shapes = {{2, 5, 300}, {5, 9, 1000}, {16, 33, 4096}};
        for (int[] s : shapes) {
            float[][] r = run(s[0], s[1], s[2], false, true, true, 1, 0, 99L + s[2]);
            assertArrayEqualsBits(r[1], r[2], "NT dot path: 1 vs 3 threads");
            for (int i = 0; i < r[0].length; i++) {
                assertEquals(r[0][i], r[1][i], 1e-4 * Math.sqrt(s[2]), "NT dot path vs scalar at " + i);
            }
        }
    }

    /** C from the scalar kernels, the 1-thread and the 3-thread vector kernels. */
    private static float[][] run(int m, int n, int k, boolean ta, boolean tb, boolean acc, int pad, int off, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int lda = (ta ? m : k) + pad;
        int ldb = (tb ? k : n) + pad;
        int ldc = n + pad;
        float[] a = random(off + (ta ? k : m) * lda, rnd);
        float[] b = random(off + (tb ? n : k) * ldb, rnd);
        float[] c0 = random(off + m * ldc + 5, rnd);
        float[][] out = new float[3][];
        Kernels[] ks = {scalar, one, three};
        for (int i = 0; i < 3; i++) {
            out[i] = c0.clone();
            ks[i].gemm(ta, tb, m, n, k, a, off, lda, b, off, ldb, acc, out[i], off, ldc);
        }
        return out;
    }

    private static float[] random(int n, SplittableRandom rnd) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }
}
