package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * How {@link VectorKernels} splits a dense GEMM or Gram matrix over its thread team and onto
 * the micro-kernels of {@link VectorGemm}: by blocks of 8 rows or by column panels, whichever
 * balances better; dot products for a transposed B with a long inner dimension; passes of
 * {@link #KC} along a long inner dimension. Arguments are checked by the caller.
 */
final class VectorGemmDriver {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final long PARALLEL_FLOPS = ScalarKernels.PARALLEL_FLOPS;

    private final ScalarKernels kernels;
    private final ThreadTeam team;
    private final ThreadLocal<float[][]> packs = ThreadLocal.withInitial(() -> new float[][] {new float[0]});

    /** Runs on {@code kernels}' thread team and element-wise splits. */
    VectorGemmDriver(ScalarKernels kernels) {
        this.kernels = kernels;
        this.team = kernels.team;
    }

    /** {@code C (+)= op(A) op(B)} with A and B not both transposed and k > 0. */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              boolean accumulate, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (transB && dotProductsPay(m, k)) {
            int blocks = (m + VectorGemm.DOT_ROWS - 1) / VectorGemm.DOT_ROWS;
            if ((long) m * n * k < PARALLEL_FLOPS || blocks < 2) {
                VectorGemm.dotRows(0, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
            } else {
                team.run(blocks, (b0, b1) -> VectorGemm.dotRows(b0 * VectorGemm.DOT_ROWS,
                        Math.min(m, b1 * VectorGemm.DOT_ROWS), n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc));
            }
            return;
        }
        int si = transA ? 1 : lda;
        int sp = transA ? lda : 1;
        if (!transB && k >= 2 * KC && (long) m * n >= KC_MIN_OUTPUT) {
            blockedAlongK(m, n, k, a, aOff, si, sp, b, bOff, ldb, accumulate, c, cOff, ldc);
            return;
        }
        int rowBlocks = (m + VectorGemm.MR - 1) / VectorGemm.MR;
        int panels = (n + VectorGemm.PANEL - 1) / VectorGemm.PANEL;
        int t = team.size();
        if ((long) m * n * k < PARALLEL_FLOPS || t == 1) {
            tile(0, m, 0, panels, transB, n, k, a, aOff, si, sp, b, bOff, ldb, accumulate, c, cOff, ldc);
            return;
        }
        // a transposed B is packed once per panel, so prefer splitting panels when there are many
        boolean byPanels = panels > 1 && (transB
                ? panels >= 4 * t || rowBlocks < 2 * t
                : rowBlocks < 2 * t && panels > rowBlocks);
        if (byPanels) {
            team.run(panels, (p0, p1) -> tile(0, m, p0, p1, transB, n, k, a, aOff, si, sp, b, bOff, ldb,
                    accumulate, c, cOff, ldc));
        } else {
            team.run(rowBlocks, (r0, r1) -> tile(r0 * VectorGemm.MR, Math.min(m, r1 * VectorGemm.MR), 0, panels,
                    transB, n, k, a, aOff, si, sp, b, bOff, ldb, accumulate, c, cOff, ldc));
        }
    }

    /** Stretch of the inner dimension per pass when a long one is split (A and B slices stay in L2). */
    static final int KC = 256;
    /** Smallest C (elements) for which the split pays: below it, every pass re-reads all of C. */
    private static final long KC_MIN_OUTPUT = 64L * 64;
    private float[] chainBuffer = new float[0];

    /**
     * C = op(A) B with a long inner dimension, in passes over {@link #KC} values of p: each pass
     * sweeps every block of C while its slices of A and B stay in cache, and continues the sums
     * where the previous pass left them ({@code chain}), so the bits are those of one pass. With
     * {@code accumulate} the sums go to a scratch matrix first and are added to C at the end,
     * as the one-pass kernels do.
     */
    private void blockedAlongK(int m, int n, int k, float[] a, int aOff, int si, int sp, float[] b, int bOff,
                               int ldb, boolean accumulate, float[] c, int cOff, int ldc) {
        float[] t = accumulate ? chainBuffer(m * n) : c;
        int tOff = accumulate ? 0 : cOff;
        int ldt = accumulate ? n : ldc;
        int rowBlocks = (m + VectorGemm.MR - 1) / VectorGemm.MR;
        int panels = (n + VectorGemm.PANEL - 1) / VectorGemm.PANEL;
        boolean byPanels = rowBlocks < 2 * team.size() && panels > rowBlocks;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean chain = p0 > 0;
            int aAt = aOff + p0 * sp;
            int bAt = bOff + p0 * ldb;
            if (byPanels) {
                team.run(panels, (q0, q1) -> tile(0, m, q0, q1, false, n, kc, a, aAt, si, sp, b, bAt, ldb,
                        false, chain, t, tOff, ldt));
            } else {
                team.run(rowBlocks, (r0, r1) -> tile(r0 * VectorGemm.MR, Math.min(m, r1 * VectorGemm.MR), 0, panels,
                        false, n, kc, a, aAt, si, sp, b, bAt, ldb, false, chain, t, tOff, ldt));
            }
        }
        if (accumulate) {
            kernels.rowBlocks(m, n, (r0, r1) -> {
                for (int i = r0; i < r1; i++) {
                    addRow(t, i * n, c, cOff + i * ldc, n);
                }
            });
        }
    }

    /** {@code c[cAt + j] += t[tAt + j]} for j in [0, n). */
    static void addRow(float[] t, int tAt, float[] c, int cAt, int n) {
        int j = 0;
        for (; j + L <= n; j += L) {
            FloatVector.fromArray(S, c, cAt + j).add(FloatVector.fromArray(S, t, tAt + j)).intoArray(c, cAt + j);
        }
        for (; j < n; j++) {
            c[cAt + j] += t[tAt + j];
        }
    }

    /** Scratch for the sums of {@link #blockedAlongK} and {@link #gram} when accumulating; calls come from one thread. */
    float[] chainBuffer(int size) {
        if (chainBuffer.length < size) {
            chainBuffer = new float[size];
        }
        return chainBuffer;
    }

    /**
     * {@code C (+)= A^T A} for k > 0 and enough work to split (see {@link VectorKernels#gram}).
     * Only the 8-row blocks of panels that reach the diagonal or lie above it are computed (a
     * {@code k8x2} block gives every element the same bits as its mirror image: the same products
     * in the same order), then the strictly lower triangle is copied from the upper one. Row
     * blocks are paired first with last so that both threads get the same share of the triangle.
     */
    void gram(int n, int k, float[] a, int aOff, int lda, boolean accumulate, float[] c, int cOff, int ldc) {
        int rowBlocks = (n + VectorGemm.MR - 1) / VectorGemm.MR;
        int panels = (n + VectorGemm.PANEL - 1) / VectorGemm.PANEL;
        int pairs = (rowBlocks + 1) / 2;
        float[] t = accumulate ? chainBuffer(n * n) : c;
        int tOff = accumulate ? 0 : cOff;
        int ldt = accumulate ? n : ldc;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean chain = p0 > 0;
            int aAt = aOff + p0 * lda;
            team.run(pairs, (q0, q1) -> {
                for (int q = q0; q < q1; q++) {
                    gramRowBlock(q, n, kc, panels, a, aAt, lda, chain, t, tOff, ldt);
                    int mirror = rowBlocks - 1 - q;
                    if (mirror != q) {
                        gramRowBlock(mirror, n, kc, panels, a, aAt, lda, chain, t, tOff, ldt);
                    }
                }
            });
        }
        for (int i = 0; i < n; i++) {
            int row = cOff + i * ldc;
            if (accumulate) {
                addRow(t, i * n + i, c, row + i, n - i);
            }
            for (int j = 0; j < i; j++) {
                c[row + j] = c[cOff + j * ldc + i];
            }
        }
    }

    private void gramRowBlock(int block, int n, int k, int panels, float[] a, int aOff, int lda, boolean chain,
                              float[] c, int cOff, int ldc) {
        int i0 = block * VectorGemm.MR;
        int i1 = Math.min(n, i0 + VectorGemm.MR);
        tile(i0, i1, i0 / VectorGemm.PANEL, panels, false, n, k, a, aOff, 1, lda, a, aOff, lda, false, chain, c, cOff, ldc);
    }

    /**
     * Whether {@code A B^T} is better done as dot products than by packing B^T: packing costs
     * about one copy of B per thread, which pays back unless C has few rows for a long inner
     * dimension (such as a convolution's weight gradient), and dot products need that long
     * inner dimension to amortise their fixed-order lane sums.
     */
    private static boolean dotProductsPay(int m, int k) {
        return k >= 8 * VectorGemm.L && k >= 64 * m;
    }

    /** Rows {@code [i0, i1)} of C over column panels {@code [p0, p1)}. */
    private void tile(int i0, int i1, int p0, int p1, boolean transB, int n, int k, float[] a, int aOff, int si,
                      int sp, float[] b, int bOff, int ldb, boolean acc, float[] c, int cOff, int ldc) {
        tile(i0, i1, p0, p1, transB, n, k, a, aOff, si, sp, b, bOff, ldb, acc, false, c, cOff, ldc);
    }

    void tile(int i0, int i1, int p0, int p1, boolean transB, int n, int k, float[] a, int aOff, int si,
              int sp, float[] b, int bOff, int ldb, boolean acc, boolean chain, float[] c, int cOff, int ldc) {
        float[] pack = transB ? packBuffer(k) : null;
        for (int p = p0; p < p1; p++) {
            int j = p * VectorGemm.PANEL;
            int w = Math.min(VectorGemm.PANEL, n - j);
            if (transB) {
                VectorGemm.packTransposed(b, bOff, ldb, j, w, k, pack);
                VectorGemm.panel(i0, i1, w, k, a, aOff, si, sp, pack, 0, VectorGemm.PANEL, acc, chain, c, cOff, ldc, j);
            } else {
                VectorGemm.panel(i0, i1, w, k, a, aOff, si, sp, b, bOff + j, ldb, acc, chain, c, cOff, ldc, j);
            }
        }
    }

    /** This thread's k x PANEL buffer for a transposed B, grown on demand. */
    private float[] packBuffer(int k) {
        float[][] holder = packs.get();
        if (holder[0].length < k * VectorGemm.PANEL) {
            holder[0] = new float[k * VectorGemm.PANEL];
        }
        return holder[0];
    }
}
