package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products of {@link VectorKernels} with a row-sparse A ({@link RowSparsity}): each group's
 * rows run the micro-kernels of {@link RowSparseGemm} over its support only, or are compacted to
 * it and multiplied by the dense micro-kernels of {@link VectorGemmDriver}; the bits are those of
 * the dense products, whatever the thread count.
 */
final class VectorRowSparseProducts {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final ScalarKernels kernels;
    private final VectorGemmDriver gemms;

    VectorRowSparseProducts(ScalarKernels kernels, VectorGemmDriver gemms) {
        this.kernels = kernels;
        this.gemms = gemms;
    }

    /** Units (rows of A^T B) per task of the transposed row-sparse product. */
    private static final int UNIT_BLOCK = 64;

    void rowSparseGemm(RowSparsity s, int n, int k, float[] a, int aOff, int lda,
                       float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int m = s.rows();
        ScalarKernels.checkGemm(false, false, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        checkSupports(s, k);
        if (m == 0 || n == 0) {
            return;
        }
        int[] idx = s.indexArray();
        // groups outside panels: a group's rows of A stay in L1 while the panels of B pass
        // (measured: panels outside groups ran 20 % slower)
        ThreadTeam.RangeBody body = (g0, g1) -> {
            for (int g = g0; g < g1; g++) {
                for (int j = 0; j < n; j += VectorGemm.PANEL) {
                    RowSparseGemm.rows(s.rowStart(g), s.rowEnd(g), s.indexStart(g), s.indexEnd(g), idx, j,
                            Math.min(VectorGemm.PANEL, n - j), a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
                }
            }
        };
        kernels.split(s.multiplyAddsPerColumn() * n, s.groups(), body);
    }

    /**
     * Per group (split over the team): its rows of A and the support x support block of B
     * compacted (a compress per vector), the compact product by the GEMM micro-kernels (the same
     * FMA chains in increasing p, so the same bits), and each row expanded back with zeros
     * outside the support. Gathering B's block costs about as much as the multiply-adds it
     * saves over {@link #rowSparseGemm}, which is still 1.5x fewer operations in all.
     */
    void rowSparseGemmMasked(RowSparsity s, int k, float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int m = s.rows();
        ScalarKernels.checkGemm(false, false, m, k, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        checkSupports(s, k);
        if (m == 0 || k == 0) {
            return;
        }
        int[] idx = s.indexArray();
        ThreadTeam.RangeBody body = (g0, g1) -> {
            float[][] buf = supportScratch.get();
            for (int g = g0; g < g1; g++) {
                int i0 = s.indexStart(g);
                int size = s.indexEnd(g) - i0;
                int r0 = s.rowStart(g);
                int rows = s.rowEnd(g) - r0;
                if (rows == 0) {
                    continue;
                }
                if (size == 0) {
                    for (int r = r0; r < r0 + rows; r++) {
                        java.util.Arrays.fill(c, cOff + r * ldc, cOff + r * ldc + k, 0f);
                    }
                    continue;
                }
                float[] on = grow(buf, 2, k + L);
                float[] ac = grow(buf, 0, rows * size + L);
                float[] bc = grow(buf, 1, size * size + rows * size + L);
                int cc = size * size; // the compact product follows the compact B in the same buffer
                compactGroup(s, g, a, aOff, lda, k, on, ac);
                for (int x = 0; x < size; x++) {
                    RowSparseGemm.compress(b, bOff + idx[i0 + x] * ldb, on, k, bc, x * size);
                }
                int panels = (size + VectorGemm.PANEL - 1) / VectorGemm.PANEL;
                gemms.tile(0, rows, 0, panels, false, size, size, ac, 0, size, 1, bc, 0, size, false, false,
                        bc, cc, size);
                for (int r = 0; r < rows; r++) {
                    RowSparseGemm.expand(bc, cc + r * size, on, k, c, cOff + (r0 + r) * ldc);
                }
                RowSparseGemm.mark(on, idx, i0, i0 + size, 0f);
            }
        };
        kernels.split(s.multiplyAddsPerColumn() * k, s.groups(), body);
    }

    void rowSparseGemmTransA(RowSparsity s, int n, int k, float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb, boolean accumulate, float[] c, int cOff, int ldc) {
        ScalarKernels.checkGemm(true, false, k, n, s.rows(), a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        checkSupports(s, k);
        rowSparseTransA(s, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
    }

    /** Per thread: a group's rows of A compacted to its support, their Gram block, and the support as 0/1 lanes. */
    private final ThreadLocal<float[][]> supportScratch = ThreadLocal.withInitial(() -> new float[3][0]);

    /**
     * Per group: its rows of A compacted to the support (a compress per vector), the upper blocks
     * of their Gram matrix by the GEMM micro-kernels, then each row added into C's row at the
     * support's columns (an expand per vector). Tasks own blocks of {@link #UNIT_BLOCK} rows of
     * C, paired first with last to share the triangle, and visit the groups in order.
     */
    void rowSparseGram(RowSparsity s, int k, float[] a, int aOff, int lda, boolean accumulate,
                       float[] c, int cOff, int ldc) {
        ScalarKernels.checkGemm(true, false, k, k, s.rows(), a, aOff, lda, a, aOff, lda, c, cOff, ldc);
        checkSupports(s, k);
        if (k == 0) {
            return;
        }
        if (!accumulate) {
            for (int i = 0; i < k; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + k, 0f);
            }
        }
        int[] idx = s.indexArray();
        int blocks = (k + UNIT_BLOCK - 1) / UNIT_BLOCK;
        int pairs = (blocks + 1) / 2;
        ThreadTeam.RangeBody body = (q0, q1) -> {
            float[][] buf = supportScratch.get();
            for (int g = 0, groups = s.groups(); g < groups; g++) {
                int i0 = s.indexStart(g);
                int size = s.indexEnd(g) - i0;
                int rows = s.rowEnd(g) - s.rowStart(g);
                if (size == 0 || rows == 0) {
                    continue;
                }
                float[] on = grow(buf, 2, k + L);
                float[] ac = grow(buf, 0, rows * size + L);
                float[] tc = grow(buf, 1, size * size + L);
                compactGroup(s, g, a, aOff, lda, k, on, ac);
                for (int q = q0; q < q1; q++) {
                    gramBlock(q, idx, i0, size, rows, k, ac, tc, on, c, cOff, ldc);
                    int mirror = blocks - 1 - q;
                    if (mirror != q) {
                        gramBlock(mirror, idx, i0, size, rows, k, ac, tc, on, c, cOff, ldc);
                    }
                }
                RowSparseGemm.mark(on, idx, i0, i0 + size, 0f);
            }
        };
        kernels.split(s.multiplyAddsPerColumn() * k, pairs, body);
        ScalarKernels.mirrorUpper(k, c, cOff, ldc);
    }

    /** One group's compact Gram rows for C's rows in unit block {@code block}, upper part, added into C. */
    private void gramBlock(int block, int[] idx, int i0, int size, int rows, int k, float[] ac, float[] tc,
                           float[] on, float[] c, int cOff, int ldc) {
        int u0 = block * UNIT_BLOCK;
        int x0 = lowerBound(idx, i0, i0 + size, u0) - i0;
        int x1 = lowerBound(idx, i0 + x0, i0 + size, Math.min(k, u0 + UNIT_BLOCK)) - i0;
        int panels = (size + VectorGemm.PANEL - 1) / VectorGemm.PANEL;
        for (int b = x0; b < x1; b += VectorGemm.MR) {
            gemms.tile(b, Math.min(x1, b + VectorGemm.MR), b / VectorGemm.PANEL, panels, false, size, rows,
                    ac, 0, 1, size, ac, 0, size, false, false, tc, 0, size);
        }
        for (int x = x0; x < x1; x++) {
            int u = idx[i0 + x];
            RowSparseGemm.expandAdd(tc, x * size + x, u, on, k, c, cOff + u * ldc);
        }
    }

    /**
     * Marks group {@code g}'s support in {@code on} (1 at its units; the caller clears it with
     * {@link RowSparseGemm#mark} when done) and compresses the group's rows of A to it, row r at
     * {@code ac[r * size]}.
     */
    private static void compactGroup(RowSparsity s, int g, float[] a, int aOff, int lda, int k, float[] on,
                                     float[] ac) {
        int size = s.indexEnd(g) - s.indexStart(g);
        RowSparseGemm.mark(on, s.indexArray(), s.indexStart(g), s.indexEnd(g), 1f);
        for (int r = 0, rows = s.rowEnd(g) - s.rowStart(g); r < rows; r++) {
            RowSparseGemm.compress(a, aOff + (s.rowStart(g) + r) * lda, on, k, ac, r * size);
        }
    }

    private static float[] grow(float[][] buf, int which, int size) {
        if (buf[which].length < size) {
            buf[which] = new float[size];
        }
        return buf[which];
    }

    /**
     * Rows of {@code C = A^T B}: each task owns blocks of {@link #UNIT_BLOCK} rows of C and
     * continues their chains through the groups in order, so the bits do not depend on the
     * thread count. (A Gram-matrix version, upper blocks only, measured slower than the dense
     * {@link #gram} on the stacked Jacobian rows: its chains over a group's ~20 rows reload C too often.)
     */
    private void rowSparseTransA(RowSparsity s, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff,
                                int ldb, boolean accumulate, float[] c, int cOff, int ldc) {
        if (k == 0 || n == 0) {
            return;
        }
        float[] t = accumulate ? gemms.chainBuffer(k * n) : c;
        int tOff = accumulate ? 0 : cOff;
        int ldt = accumulate ? n : ldc;
        int[] idx = s.indexArray();
        int blocks = (k + UNIT_BLOCK - 1) / UNIT_BLOCK;
        ThreadTeam.RangeBody body = (q0, q1) -> {
            for (int q = q0; q < q1; q++) {
                transBlock(s, idx, q, n, k, a, aOff, lda, b, bOff, ldb, accumulate, t, tOff, ldt, c, cOff, ldc);
            }
        };
        kernels.split(s.multiplyAddsPerColumn() * n, blocks, body);
    }

    private static void transBlock(RowSparsity s, int[] idx, int block, int n, int k, float[] a, int aOff, int lda,
                                   float[] b, int bOff, int ldb, boolean accumulate,
                                   float[] t, int tOff, int ldt, float[] c, int cOff, int ldc) {
        int u0 = block * UNIT_BLOCK;
        int u1 = Math.min(k, u0 + UNIT_BLOCK);
        for (int u = u0; u < u1; u++) {
            java.util.Arrays.fill(t, tOff + u * ldt, tOff + u * ldt + n, 0f);
        }
        for (int g = 0, groups = s.groups(); g < groups; g++) {
            int q0 = lowerBound(idx, s.indexStart(g), s.indexEnd(g), u0);
            int q1 = lowerBound(idx, q0, s.indexEnd(g), u1);
            if (q0 < q1) {
                RowSparseGemm.transRows(s.rowStart(g), s.rowEnd(g), q0, q1, idx, n, a, aOff, lda,
                        b, bOff, ldb, t, tOff, ldt);
            }
        }
        if (accumulate) {
            for (int u = u0; u < u1; u++) {
                VectorGemmDriver.addRow(t, tOff + u * ldt, c, cOff + u * ldc, n);
            }
        }
    }

    /** First position in {@code [from, to)} of the sorted {@code idx} holding a value >= key. */
    private static int lowerBound(int[] idx, int from, int to, int key) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (idx[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void checkSupports(RowSparsity s, int k) {
        if (s.columnsSpanned() > k) {
            throw new IllegalArgumentException("a support index is " + (s.columnsSpanned() - 1)
                    + ", outside the inner dimension " + k);
        }
    }
}
