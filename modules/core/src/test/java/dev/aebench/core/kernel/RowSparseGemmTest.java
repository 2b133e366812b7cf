package dev.aebench.core.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The products with a row-sparse A give the bits of the dense products (the scalar kernels'
 * dense loops are the reference), for every kernel implementation and thread count: groups
 * of 0 to 21 rows, empty and full supports, widths that are not multiples of the vector width,
 * offsets and padded leading dimensions.
 */
class RowSparseGemmTest {

    private static List<Kernels> kernels;
    private static ScalarKernels reference;

    @BeforeAll
    static void start() {
        kernels = List.of(new VectorKernels(1), new VectorKernels(2), new ScalarKernels(2));
        reference = new ScalarKernels(1);
    }

    @AfterAll
    static void stop() {
        kernels.forEach(Kernels::close);
        reference.close();
    }

    /** A with random groups and supports (zero outside them), plus the supports. */
    private record Sparse(RowSparsity supports, float[] a, int rows) {
    }

    private static Sparse sparse(int k, int lda, int aOff, double density, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RowSparsity s = new RowSparsity();
        int[] sizes = {3, 0, 21, 8, 1, 13, 4, 9, 16, 2, 7};
        int rows = 0;
        float[] mask = new float[k];
        for (int g = 0; g < sizes.length; g++) {
            for (int p = 0; p < k; p++) {
                // group 1 has an empty support, group 5 a full one
                mask[p] = g == 5 || (g != 1 && rnd.nextDouble() < density) ? 1f : 0f;
            }
            rows += sizes[g];
            s.addGroup(rows, mask, 0, k);
        }
        float[] a = new float[aOff + rows * lda + 3];
        Arrays.fill(a, Float.NaN); // padding must never be read
        for (int g = 0; g < s.groups(); g++) {
            for (int r = s.rowStart(g); r < s.rowEnd(g); r++) {
                for (int p = 0; p < k; p++) {
                    a[aOff + r * lda + p] = 0f;
                }
                for (int i = s.indexStart(g); i < s.indexEnd(g); i++) {
                    a[aOff + r * lda + s.index(i)] = (float) rnd.nextGaussian();
                }
            }
        }
        return new Sparse(s, a, rows);
    }

    private static float[] random(int size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        return x;
    }

    private static final int[][] SHAPES = {{1, 1}, {7, 5}, {32, 17}, {33, 64}, {64, 100}, {100, 129}, {512, 96},
            {128, 520}};

    @Test
    void productMatchesTheDenseProductBitForBit() {
        for (int[] shape : SHAPES) {
            int n = shape[0], k = shape[1];
            for (double density : new double[] {0.1, 0.5, 0.9}) {
                int lda = k + 3, aOff = 5, ldb = n + 2, bOff = 1, ldc = n + 1, cOff = 2;
                Sparse sp = sparse(k, lda, aOff, density, 31L * n + k);
                float[] b = random(bOff + k * ldb, 7);
                float[] want = random(cOff + sp.rows() * ldc, 9);
                float[] fresh = want.clone();
                reference.gemm(false, false, sp.rows(), n, k, sp.a(), aOff, lda, b, bOff, ldb, false, want, cOff, ldc);
                for (Kernels kern : kernels) {
                    float[] got = fresh.clone();
                    kern.rowSparseGemm(sp.supports(), n, k, sp.a(), aOff, lda, b, bOff, ldb, got, cOff, ldc);
                    assertArrayEquals(want, got, kern.name() + "/" + kern.threads() + " n=" + n + " k=" + k
                            + " density " + density);
                }
            }
        }
    }

    @Test
    void productOnSupportsMatchesTheDenseProductThereAndIsZeroElsewhere() {
        for (int k : new int[] {1, 7, 33, 64, 129, 512}) {
            for (double density : new double[] {0.1, 0.5, 0.9}) {
                int lda = k + 3, aOff = 5, ldb = k + 2, bOff = 1, ldc = k + 1, cOff = 2;
                Sparse sp = sparse(k, lda, aOff, density, 7L * k);
                float[] b = random(bOff + k * ldb, 17);
                float[] dense = random(cOff + sp.rows() * ldc, 19);
                float[] start = dense.clone();
                reference.gemm(false, false, sp.rows(), k, k, sp.a(), aOff, lda, b, bOff, ldb, false, dense, cOff, ldc);
                float[] want = start.clone();
                reference.rowSparseGemmMasked(sp.supports(), k, sp.a(), aOff, lda, b, bOff, ldb, want, cOff, ldc);
                RowSparsity s = sp.supports();
                for (int g = 0; g < s.groups(); g++) {
                    boolean[] on = new boolean[k];
                    for (int x = s.indexStart(g); x < s.indexEnd(g); x++) {
                        on[s.index(x)] = true;
                    }
                    for (int r = s.rowStart(g); r < s.rowEnd(g); r++) {
                        for (int j = 0; j < k; j++) {
                            int at = cOff + r * ldc + j;
                            assertEquals(on[j] ? dense[at] : 0f, want[at], 0f, "k=" + k + " row " + r + " col " + j);
                        }
                    }
                }
                for (Kernels kern : kernels) {
                    float[] got = start.clone();
                    kern.rowSparseGemmMasked(sp.supports(), k, sp.a(), aOff, lda, b, bOff, ldb, got, cOff, ldc);
                    assertArrayEquals(want, got, kern.name() + "/" + kern.threads() + " k=" + k + " density " + density);
                }
            }
        }
    }

    @Test
    void transposedProductMatchesTheDenseProductBitForBit() {
        for (int[] shape : SHAPES) {
            int n = shape[0], k = shape[1];
            for (boolean accumulate : new boolean[] {false, true}) {
                int lda = k + 1, aOff = 3, ldb = n + 4, bOff = 2, ldc = n + 3, cOff = 1;
                Sparse sp = sparse(k, lda, aOff, 0.5, 17L * n + k);
                float[] b = random(bOff + sp.rows() * ldb, 11);
                float[] start = random(cOff + k * ldc, 13);
                float[] want = start.clone();
                reference.gemm(true, false, k, n, sp.rows(), sp.a(), aOff, lda, b, bOff, ldb, accumulate,
                        want, cOff, ldc);
                for (Kernels kern : kernels) {
                    float[] got = start.clone();
                    kern.rowSparseGemmTransA(sp.supports(), n, k, sp.a(), aOff, lda, b, bOff, ldb, accumulate,
                            got, cOff, ldc);
                    assertArrayEquals(want, got, kern.name() + "/" + kern.threads() + " n=" + n + " k=" + k
                            + " accumulate " + accumulate);
                }
            }
        }
    }

    @Test
    void gramSumsEachGroupThenAddsThemInOrder() {
        for (int k : new int[] {1, 5, 33, 64, 200, 512}) {
            for (boolean accumulate : new boolean[] {false, true}) {
                int lda = k + 2, aOff = 1, ldc = k + 1, cOff = 3;
                Sparse sp = sparse(k, lda, aOff, 0.5, 5L * k);
                float[] start = new float[cOff + k * ldc + 2];
                float[] sym = random(k * k, 3);
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        start[cOff + i * ldc + j] = sym[Math.min(i, j) * k + Math.max(i, j)];
                    }
                }
                float[] want = start.clone();
                reference.rowSparseGram(sp.supports(), k, sp.a(), aOff, lda, accumulate, want, cOff, ldc);
                // the reference against double sums of the dense A^T A
                RowSparsity s = sp.supports();
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        double sum = accumulate ? start[cOff + i * ldc + j] : 0;
                        double scale = Math.abs(sum);
                        for (int r = 0; r < s.rows(); r++) {
                            double prod = (double) sp.a()[aOff + r * lda + i] * sp.a()[aOff + r * lda + j];
                            sum += prod;
                            scale += Math.abs(prod);
                        }
                        assertEquals(sum, want[cOff + i * ldc + j], 1e-6 * scale + 1e-30, "k=" + k + " (" + i + "," + j + ")");
                    }
                }
                for (Kernels kern : kernels) {
                    float[] got = start.clone();
                    kern.rowSparseGram(sp.supports(), k, sp.a(), aOff, lda, accumulate, got, cOff, ldc);
                    assertArrayEquals(want, got, kern.name() + "/" + kern.threads() + " k=" + k
                            + " accumulate " + accumulate);
                }
            }
        }
    }

    @Test
    void supportsAreRecordedInOrder() {
        RowSparsity s = new RowSparsity();
        s.addGroup(2, new float[] {0f, 1f, 0f, -2f}, 0, 4);
        s.addGroup(2, 0, 3);
        s.addGroup(5);
        assertEquals(3, s.groups());
        assertEquals(5, s.rows());
        assertEquals(2, s.rowStart(1));
        assertEquals(2, s.rowEnd(1));
        assertEquals(1, s.index(s.indexStart(0)));
        assertEquals(3, s.index(s.indexStart(0) + 1));
        assertEquals(s.indexStart(2), s.indexEnd(2));
        assertEquals(4, s.columnsSpanned());
        assertEquals(2L * 2, s.multiplyAddsPerColumn());
        s.clear();
        assertEquals(0, s.rows());
        assertThrows(IllegalArgumentException.class, () -> s.addGroup(1, 2, 1));
        s.addGroup(3);
        assertThrows(IllegalArgumentException.class, () -> s.addGroup(2));
    }

    @Test
    void anIndexBeyondTheInnerDimensionIsRejected() {
        RowSparsity s = new RowSparsity();
        s.addGroup(1, 0, 9);
        float[] a = new float[10];
        float[] b = new float[10 * 4];
        float[] c = new float[4];
        try (Kernels k = new VectorKernels(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> k.rowSparseGemm(s, 4, 5, a, 0, 10, b, 0, 4, c, 0, 4));
            assertTrue(e.getMessage().contains("9"), e.getMessage());
        }
    }
}
