package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The default kernels: plain Java with {@code jdk.incubator.vector}, sized to the CPU's
 * preferred vector width. GEMM runs the register-blocked micro-kernels of {@link VectorGemm}
 * (8 rows by 2 vectors of C, B read in place or, when transposed, packed one panel at a time),
 * which give the same bits as the scalar kernels. Work is split over the thread team by blocks
 * of 8 rows or by column panels, whichever balances better.
 */
public final class VectorKernels extends ScalarKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private final ThreadLocal<float[][]> packs = ThreadLocal.withInitial(() -> new float[][] {new float[0]});

    // Lane rotations by 32, 16, 8, 4, 2 and 1 (clamped to the width) for sumLanes.
    private static final VectorShuffle<Float> ROT32 = VectorShuffle.iota(S, Math.min(32, L / 2), 1, true);
    private static final VectorShuffle<Float> ROT16 = VectorShuffle.iota(S, Math.min(16, L / 2), 1, true);
    private static final VectorShuffle<Float> ROT8 = VectorShuffle.iota(S, Math.min(8, L / 2), 1, true);
    private static final VectorShuffle<Float> ROT4 = VectorShuffle.iota(S, Math.min(4, L / 2), 1, true);
    private static final VectorShuffle<Float> ROT2 = VectorShuffle.iota(S, Math.min(2, L / 2), 1, true);
    private static final VectorShuffle<Float> ROT1 = VectorShuffle.iota(S, 1, 1, true);

    public VectorKernels(int threads) {
        super(threads);
    }

    /** Whether the preferred species is wide enough to be worth using. */
    public static boolean useful() {
        return L >= 4;
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     boolean accumulate, float[] c, int cOff, int ldc) {
        checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if ((transA && transB) || k == 0) {
            super.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
            return;
        }
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
            rowBlocks(m, n, (r0, r1) -> {
                for (int i = r0; i < r1; i++) {
                    addRow(t, i * n, c, cOff + i * ldc, n);
                }
            });
        }
    }

    /** {@code c[cAt + j] += t[tAt + j]} for j in [0, n). */
    private static void addRow(float[] t, int tAt, float[] c, int cAt, int n) {
        int j = 0;
        for (; j + L <= n; j += L) {
            FloatVector.fromArray(S, c, cAt + j).add(FloatVector.fromArray(S, t, tAt + j)).intoArray(c, cAt + j);
        }
        for (; j < n; j++) {
            c[cAt + j] += t[tAt + j];
        }
    }

    /** Scratch for the sums of {@link #blockedAlongK} and {@link #gram} when accumulating; calls come from one thread. */
    private float[] chainBuffer(int size) {
        if (chainBuffer.length < size) {
            chainBuffer = new float[size];
        }
        return chainBuffer;
    }

    /**
     * Only the 8-row blocks of panels that reach the diagonal or lie above it are computed (a
     * {@code k8x2} block gives every element the same bits as its mirror image: the same products
     * in the same order), then the strictly lower triangle is copied from the upper one. Row
     * blocks are paired first with last so that both threads get the same share of the triangle.
     */
    @Override
    public void gram(int n, int k, float[] a, int aOff, int lda, boolean accumulate, float[] c, int cOff, int ldc) {
        checkGemm(true, false, n, n, k, a, aOff, lda, a, aOff, lda, c, cOff, ldc);
        if (n == 0) {
            return;
        }
        if (k == 0 || (long) n * n * k < 4 * PARALLEL_FLOPS) {
            gemm(true, false, n, n, k, a, aOff, lda, a, aOff, lda, accumulate, c, cOff, ldc);
            return;
        }
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

    // ---- products with a row-sparse A ----

    /** Units (rows of A^T B) per task of the transposed supported product. */
    private static final int UNIT_BLOCK = 64;

    @Override
    public void gemmSupported(RowSupports s, int n, int k, float[] a, int aOff, int lda,
                              float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int m = s.rows();
        checkGemm(false, false, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
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
                    SupportedGemm.rows(s.rowStart(g), s.rowEnd(g), s.indexStart(g), s.indexEnd(g), idx, j,
                            Math.min(VectorGemm.PANEL, n - j), a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
                }
            }
        };
        split(s.supportedEntries() * n, s.groups(), body);
    }

    /**
     * Per group (split over the team): its rows of A and the support x support block of B
     * compacted (a compress per vector), the compact product by the GEMM micro-kernels (the same
     * FMA chains in increasing p, so the same bits), and each row expanded back with zeros
     * outside the support. Gathering B's block costs about as much as the multiply-adds it
     * saves over {@link #gemmSupported}, which is still 1.5x fewer operations in all.
     */
    @Override
    public void gemmOnSupports(RowSupports s, int k, float[] a, int aOff, int lda,
                               float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int m = s.rows();
        checkGemm(false, false, m, k, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
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
                    SupportedGemm.compress(b, bOff + idx[i0 + x] * ldb, on, k, bc, x * size);
                }
                int panels = (size + VectorGemm.PANEL - 1) / VectorGemm.PANEL;
                tile(0, rows, 0, panels, false, size, size, ac, 0, size, 1, bc, 0, size, false, false,
                        bc, cc, size);
                for (int r = 0; r < rows; r++) {
                    SupportedGemm.expand(bc, cc + r * size, on, k, c, cOff + (r0 + r) * ldc);
                }
                SupportedGemm.mark(on, idx, i0, i0 + size, 0f);
            }
        };
        split(s.supportedEntries() * k, s.groups(), body);
    }

    @Override
    public void gemmTransASupported(RowSupports s, int n, int k, float[] a, int aOff, int lda,
                                    float[] b, int bOff, int ldb, boolean accumulate, float[] c, int cOff, int ldc) {
        checkGemm(true, false, k, n, s.rows(), a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        checkSupports(s, k);
        transSupported(s, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
    }

    /** Per thread: a group's rows of A compacted to its support, their Gram block, and the support as 0/1 lanes. */
    private final ThreadLocal<float[][]> supportScratch = ThreadLocal.withInitial(() -> new float[3][0]);

    /**
     * Per group: its rows of A compacted to the support (a compress per vector), the upper blocks
     * of their Gram matrix by the GEMM micro-kernels, then each row added into C's row at the
     * support's columns (an expand per vector). Tasks own blocks of {@link #UNIT_BLOCK} rows of
     * C, paired first with last to share the triangle, and visit the groups in order.
     */
    @Override
    public void gramSupported(RowSupports s, int k, float[] a, int aOff, int lda, boolean accumulate,
                              float[] c, int cOff, int ldc) {
        checkGemm(true, false, k, k, s.rows(), a, aOff, lda, a, aOff, lda, c, cOff, ldc);
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
                SupportedGemm.mark(on, idx, i0, i0 + size, 0f);
            }
        };
        split(s.supportedEntries() * k, pairs, body);
        mirrorUpper(k, c, cOff, ldc);
    }

    /** One group's compact Gram rows for C's rows in unit block {@code block}, upper part, added into C. */
    private void gramBlock(int block, int[] idx, int i0, int size, int rows, int k, float[] ac, float[] tc,
                           float[] on, float[] c, int cOff, int ldc) {
        int u0 = block * UNIT_BLOCK;
        int x0 = lowerBound(idx, i0, i0 + size, u0) - i0;
        int x1 = lowerBound(idx, i0 + x0, i0 + size, Math.min(k, u0 + UNIT_BLOCK)) - i0;
        int panels = (size + VectorGemm.PANEL - 1) / VectorGemm.PANEL;
        for (int b = x0; b < x1; b += VectorGemm.MR) {
            tile(b, Math.min(x1, b + VectorGemm.MR), b / VectorGemm.PANEL, panels, false, size, rows,
                    ac, 0, 1, size, ac, 0, size, false, false, tc, 0, size);
        }
        for (int x = x0; x < x1; x++) {
            int u = idx[i0 + x];
            SupportedGemm.expandAdd(tc, x * size + x, u, on, k, c, cOff + u * ldc);
        }
    }

    /**
     * Marks group {@code g}'s support in {@code on} (1 at its units; the caller clears it with
     * {@link SupportedGemm#mark} when done) and compresses the group's rows of A to it, row r at
     * {@code ac[r * size]}.
     */
    private static void compactGroup(RowSupports s, int g, float[] a, int aOff, int lda, int k, float[] on,
                                     float[] ac) {
        int size = s.indexEnd(g) - s.indexStart(g);
        SupportedGemm.mark(on, s.indexArray(), s.indexStart(g), s.indexEnd(g), 1f);
        for (int r = 0, rows = s.rowEnd(g) - s.rowStart(g); r < rows; r++) {
            SupportedGemm.compress(a, aOff + (s.rowStart(g) + r) * lda, on, k, ac, r * size);
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
    private void transSupported(RowSupports s, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff,
                                int ldb, boolean accumulate, float[] c, int cOff, int ldc) {
        if (k == 0 || n == 0) {
            return;
        }
        float[] t = accumulate ? chainBuffer(k * n) : c;
        int tOff = accumulate ? 0 : cOff;
        int ldt = accumulate ? n : ldc;
        int[] idx = s.indexArray();
        int blocks = (k + UNIT_BLOCK - 1) / UNIT_BLOCK;
        ThreadTeam.RangeBody body = (q0, q1) -> {
            for (int q = q0; q < q1; q++) {
                transBlock(s, idx, q, n, k, a, aOff, lda, b, bOff, ldb, accumulate, t, tOff, ldt, c, cOff, ldc);
            }
        };
        split(s.supportedEntries() * n, blocks, body);
    }

    private static void transBlock(RowSupports s, int[] idx, int block, int n, int k, float[] a, int aOff, int lda,
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
                SupportedGemm.transRows(s.rowStart(g), s.rowEnd(g), q0, q1, idx, n, a, aOff, lda,
                        b, bOff, ldb, t, tOff, ldt);
            }
        }
        if (accumulate) {
            for (int u = u0; u < u1; u++) {
                addRow(t, tOff + u * ldt, c, cOff + u * ldc, n);
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

    private static void checkSupports(RowSupports s, int k) {
        if (s.columnsSpanned() > k) {
            throw new IllegalArgumentException("a support index is " + (s.columnsSpanned() - 1)
                    + ", outside the inner dimension " + k);
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

    private void tile(int i0, int i1, int p0, int p1, boolean transB, int n, int k, float[] a, int aOff, int si,
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

    // ---- deterministic building blocks ----
    //
    // reduceLanes(ADD) and lanewise(EXP / TANH) may give different bits in interpreted and in
    // C2-compiled code (another summation order; SVML instead of Math.exp), so results would
    // change as the JIT warms up. These use only lane-wise IEEE operations (add, mul, fma, div,
    // rearrange, conversions), which round the same way in every execution mode.

    /** Sum of the lanes in a fixed pairwise order. */
    static float sumLanes(FloatVector v) {
        if (L > 32) {
            v = v.add(v.rearrange(ROT32));
        }
        if (L > 16) {
            v = v.add(v.rearrange(ROT16));
        }
        if (L > 8) {
            v = v.add(v.rearrange(ROT8));
        }
        if (L > 4) {
            v = v.add(v.rearrange(ROT4));
        }
        if (L > 2) {
            v = v.add(v.rearrange(ROT2));
        }
        if (L > 1) {
            v = v.add(v.rearrange(ROT1));
        }
        return v.lane(0);
    }

    private static final float EXP_HI = 88.0f;
    private static final float EXP_LO = -87.0f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float ROUNDER = 0x1.8p23f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;

    /** e^x (Cephes expf: range reduction by ln 2, degree-7 polynomial), inputs clamped to [-87, 88]. */
    static FloatVector exp(FloatVector x) {
        x = x.min(EXP_HI).max(EXP_LO);
        FloatVector n = x.fma(LOG2E, ROUNDER).sub(ROUNDER); // round(x / ln 2), exact
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), x);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f);
        p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
        p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
        p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
        p = p.fma(r.mul(r), r).add(1f);
        IntVector e = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(e.reinterpretAsFloats());
    }

    /** tanh x = sign(x) (1 - e) / (1 + e) with e = exp(-2|x|); absolute error about 1e-7. */
    static FloatVector tanh(FloatVector x) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector e = exp(x.abs().mul(-2f));
        FloatVector t = one.sub(e).div(one.add(e));
        return t.blend(t.neg(), x.compare(VectorOperators.LT, 0f));
    }

    /** Hashes in scalar code (64-bit), the transform lane-wise: the same bits as {@link CounterRandom#gaussian}. */
    @Override
    public void gaussian(long seed, float[] out, int off, int n) {
        flatBlocks(n, (from, to) -> {
            float[][] u = uniforms.get();
            for (int s0 = from; s0 < to; s0 += UNIFORM_BLOCK) {
                int len = Math.min(UNIFORM_BLOCK, to - s0);
                for (int i = 0; i < len; i++) {
                    long r = CounterRandom.bits(seed, s0 + i);
                    u[0][i] = CounterRandom.firstUniform(r);
                    u[1][i] = CounterRandom.secondUniform(r);
                }
                int i = 0;
                for (; i + L <= len; i += L) {
                    BoxMuller.transform(FloatVector.fromArray(S, u[0], i), FloatVector.fromArray(S, u[1], i))
                            .intoArray(out, off + s0 + i);
                }
                for (; i < len; i++) {
                    out[off + s0 + i] = BoxMuller.transform(u[0][i], u[1][i]);
                }
            }
        });
    }

    private static final int UNIFORM_BLOCK = 1024;
    private final ThreadLocal<float[][]> uniforms = ThreadLocal.withInitial(() -> new float[2][UNIFORM_BLOCK]);

    @Override
    public void channelBiasActivation(Activation act, float[] z, int batch, int channels, int plane,
                                      float[] bias, int biasOff) {
        perItem(batch * channels, plane,
                (p0, p1) -> VectorImageOps.channelBiasActivation(act, z, channels, plane, bias, biasOff, p0, p1));
    }

    // ---- element-wise passes ----

    @Override
    public void biasActivation(Activation act, float[] z, int rows, int cols, float[] bias, int biasOff) {
        rowBlocks(rows, cols, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int base = r * cols;
                switch (act) {
                    case IDENTITY -> biasIdentity(z, base, cols, bias, biasOff);
                    case RELU -> biasRelu(z, base, cols, bias, biasOff);
                    case SIGMOID -> biasSigmoid(z, base, cols, bias, biasOff);
                    case TANH -> biasTanh(z, base, cols, bias, biasOff);
                }
            }
        });
    }

    private static void biasIdentity(float[] z, int base, int cols, float[] bias, int bo) {
        int j = 0;
        for (; j + L <= cols; j += L) {
            FloatVector.fromArray(S, z, base + j).add(FloatVector.fromArray(S, bias, bo + j)).intoArray(z, base + j);
        }
        for (; j < cols; j++) {
            z[base + j] += bias[bo + j];
        }
    }

    private static void biasRelu(float[] z, int base, int cols, float[] bias, int bo) {
        FloatVector zero = FloatVector.zero(S);
        int j = 0;
        for (; j + L <= cols; j += L) {
            FloatVector.fromArray(S, z, base + j).add(FloatVector.fromArray(S, bias, bo + j)).max(zero).intoArray(z, base + j);
        }
        for (; j < cols; j++) {
            z[base + j] = Math.max(0f, z[base + j] + bias[bo + j]);
        }
    }

    private static void biasSigmoid(float[] z, int base, int cols, float[] bias, int bo) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int j = 0;
        for (; j + L <= cols; j += L) {
            FloatVector v = FloatVector.fromArray(S, z, base + j).add(FloatVector.fromArray(S, bias, bo + j));
            one.div(one.add(exp(v.neg()))).intoArray(z, base + j);
        }
        for (; j < cols; j++) {
            z[base + j] = Activation.SIGMOID.apply(z[base + j] + bias[bo + j]);
        }
    }

    private static void biasTanh(float[] z, int base, int cols, float[] bias, int bo) {
        int j = 0;
        for (; j + L <= cols; j += L) {
            tanh(FloatVector.fromArray(S, z, base + j).add(FloatVector.fromArray(S, bias, bo + j))).intoArray(z, base + j);
        }
        for (; j < cols; j++) {
            z[base + j] = (float) Math.tanh(z[base + j] + bias[bo + j]);
        }
    }

    @Override
    public void activationBackward(Activation act, float[] y, float[] grad, int n) {
        if (act == Activation.IDENTITY) {
            return;
        }
        flatBlocks(n, (from, to) -> {
            switch (act) {
                case SIGMOID -> sigmoidBackward(y, grad, from, to);
                case TANH -> tanhBackward(y, grad, from, to);
                case RELU -> reluBackward(y, grad, from, to);
                case IDENTITY -> { }
            }
        });
    }

    private static void sigmoidBackward(float[] y, float[] grad, int from, int to) {
        int i = from;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i + L <= to; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector.fromArray(S, grad, i).mul(yv.mul(one.sub(yv))).intoArray(grad, i);
        }
        for (; i < to; i++) {
            grad[i] *= y[i] * (1f - y[i]);
        }
    }

    private static void tanhBackward(float[] y, float[] grad, int from, int to) {
        int i = from;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i + L <= to; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector.fromArray(S, grad, i).mul(one.sub(yv.mul(yv))).intoArray(grad, i);
        }
        for (; i < to; i++) {
            grad[i] *= 1f - y[i] * y[i];
        }
    }

    private static void reluBackward(float[] y, float[] grad, int from, int to) {
        int i = from;
        FloatVector zero = FloatVector.zero(S);
        for (; i + L <= to; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector.fromArray(S, grad, i).blend(zero, yv.compare(VectorOperators.LE, zero)).intoArray(grad, i);
        }
        for (; i < to; i++) {
            if (y[i] <= 0f) {
                grad[i] = 0f;
            }
        }
    }

    @Override
    protected void columnSumRange(float[] a, int rows, int cols, float[] out, int outOff, boolean accumulate,
                                  int j0, int j1) {
        int j = j0;
        for (; j + L <= j1; j += L) {
            FloatVector s = FloatVector.zero(S);
            for (int r = 0; r < rows; r++) {
                s = s.add(FloatVector.fromArray(S, a, r * cols + j));
            }
            if (accumulate) {
                s = s.add(FloatVector.fromArray(S, out, outOff + j));
            }
            s.intoArray(out, outOff + j);
        }
        super.columnSumRange(a, rows, cols, out, outOff, accumulate, j, j1);
    }

    @Override
    protected double sigmoidLossRange(LossKind kind, float[] y, float[] t, int from, int to, float[] gz, float g) {
        if (kind == LossKind.BCE) {
            return VectorLosses.sigmoidBce(y, t, from, to, gz, g);
        }
        FloatVector sum = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        float g2 = 2f * g;
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector d = yv.sub(FloatVector.fromArray(S, t, i));
            sum = d.fma(d, sum);
            d.mul(g2).mul(yv).mul(one.sub(yv)).intoArray(gz, i);
        }
        double s = sumLanes(sum);
        return s + super.sigmoidLossRange(kind, y, t, i, to, gz, g);
    }

    @Override
    protected double lossRange(LossKind kind, float[] y, float[] t, int from, int to, float[] grad, float g) {
        if (kind == LossKind.BCE) {
            return VectorLosses.bce(y, t, from, to, grad, g);
        }
        FloatVector sum = FloatVector.zero(S);
        float g2 = 2f * g;
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector d = FloatVector.fromArray(S, y, i).sub(FloatVector.fromArray(S, t, i));
            sum = d.fma(d, sum);
            if (grad != null) {
                d.mul(g2).intoArray(grad, i);
            }
        }
        double s = sumLanes(sum);
        return s + super.lossRange(kind, y, t, i, to, grad, g);
    }

    @Override
    protected void adamRange(float[] p, float[] g, float[] m, float[] v, int from, int to,
                             float beta1, float beta2, float eps, float stepSize, float sqrtBc2) {
        int i = from;
        float ob1 = 1f - beta1;
        float ob2 = 1f - beta2;
        float invSqrtBc2 = 1f / sqrtBc2;
        FloatVector zero = FloatVector.zero(S);
        for (; i + L <= to; i += L) {
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector mv = FloatVector.fromArray(S, m, i).mul(beta1).add(gv.mul(ob1));
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(beta2).add(gv.mul(gv).mul(ob2));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector denom = vv.sqrt().mul(invSqrtBc2).add(eps);
            FloatVector.fromArray(S, p, i).sub(mv.mul(stepSize).div(denom)).intoArray(p, i);
            zero.intoArray(g, i);
        }
        super.adamRange(p, g, m, v, i, to, beta1, beta2, eps, stepSize, sqrtBc2);
    }
}
