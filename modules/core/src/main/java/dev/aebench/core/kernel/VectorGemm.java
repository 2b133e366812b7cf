package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM micro-kernels for {@link VectorKernels}: a block of C that is 8 rows by one or two
 * vectors wide is held in registers while the whole inner dimension streams past, each step
 * broadcasting one element of A per row against one or two vectors of a row of B. Every lane
 * accumulates its products with fused multiply-adds in increasing p from zero and C is touched
 * once, so each element comes out bit for bit as in {@link ScalarKernels}.
 *
 * <p>A is read in place through a row stride and a p stride (so op(A) may be A or A^T). B is
 * read in place when it is not transposed; a transposed B is first copied, one panel of
 * {@link #PANEL} columns at a time, into a contiguous k x PANEL buffer. When that copy would
 * cost too much against the work (few rows of C, a long inner dimension), {@code A B^T} runs
 * instead as 4 x 4 blocks of dot products along the shared contiguous dimension, whose lanes
 * are summed in a fixed order.
 */
final class VectorGemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of C per register block. */
    static final int MR = 8;
    /** Columns of C per panel: two vectors. */
    static final int PANEL = 2 * L;

    /**
     * Vectors of at most 256 bits (AVX2: 16 vector registers): the 8 x 2 block's 16 accumulators
     * plus its operands do not fit in the register file, C2 spills accumulators to the stack and
     * every fused multiply-add then waits on a store-to-load round trip (measured: 22 GFLOP/s on
     * one Zen 3 core). The bits are the same with any blocking, since every
     * element's chain of products is unchanged. Their full panels run as 4 x 2 blocks (11
     * registers); a 6 x 2 block (15) measured 8 % slower on a whole ae training.
     */
    static final boolean NARROW = L <= 8;

    private VectorGemm() {
    }

    /** Copies columns {@code [j, j+w)} of op(B) = B^T (B stored n x k) into {@code pack} as k x PANEL. */
    static void packTransposed(float[] b, int bOff, int ldb, int j, int w, int k, float[] pack) {
        for (int jj = 0; jj < w; jj++) {
            int src = bOff + (j + jj) * ldb;
            for (int p = 0, dst = jj; p < k; p++, dst += PANEL) {
                pack[dst] = b[src + p];
            }
        }
    }

    /**
     * C rows {@code [i0, i1)} by the {@code w <= PANEL} columns starting at C column {@code cj}.
     * With {@code chain} the sums start from C's values instead of zero, which continues the
     * fused multiply-add chain of an earlier call over the preceding stretch of p (so a GEMM
     * split along k gives the same bits as one pass); {@code acc} and {@code chain} exclude
     * each other.
     * {@code b0} is where op(B) row 0 of this panel starts in {@code b}, with row stride
     * {@code ldb}.
     */
    static void panel(int i0, int i1, int w, int k, float[] a, int aOff, int si, int sp,
                      float[] b, int b0, int ldb, boolean acc, boolean chain, float[] c, int cOff, int ldc, int cj) {
        int i = i0;
        if (w == PANEL && NARROW) {
            for (; i + 4 <= i1; i += 4) {
                k4x2(k, a, aOff + i * si, si, sp, b, b0, ldb, acc, chain, c, cOff + i * ldc + cj, ldc);
            }
        }
        for (; i + MR <= i1; i += MR) {
            int a0 = aOff + i * si;
            int c0 = cOff + i * ldc + cj;
            if (w == PANEL) {
                k8x2(k, a, a0, si, sp, b, b0, ldb, acc, chain, c, c0, ldc);
            } else if (w >= L) {
                k8x1(k, a, a0, si, sp, b, b0, ldb, acc, chain, c, c0, ldc);
                if (w > L) {
                    tail8(k, a, a0, si, sp, b, b0 + L, ldb, acc, chain, c, c0 + L, ldc, w - L);
                }
            } else {
                tail8(k, a, a0, si, sp, b, b0, ldb, acc, chain, c, c0, ldc, w);
            }
        }
        for (; i < i1; i++) {
            int a0 = aOff + i * si;
            int c0 = cOff + i * ldc + cj;
            if (w == PANEL) {
                k1x2(k, a, a0, sp, b, b0, ldb, acc, chain, c, c0);
            } else {
                int first = Math.min(w, L);
                k1x1Masked(k, a, a0, sp, b, b0, ldb, acc, chain, c, c0, first);
                if (w > L) {
                    k1x1Masked(k, a, a0, sp, b, b0 + L, ldb, acc, chain, c, c0 + L, w - L);
                }
            }
        }
    }

    private static void k8x2(int k, float[] a, int a0, int si, int sp, float[] b, int b0, int ldb,
                             boolean acc, boolean chain, float[] c, int c0, int ldc) {
        int r0 = c0, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc, r6 = r5 + ldc;
        int r7 = r6 + ldc;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        if (chain) {
            c00 = FloatVector.fromArray(S, c, r0);
            c01 = FloatVector.fromArray(S, c, r0 + L);
            c10 = FloatVector.fromArray(S, c, r1);
            c11 = FloatVector.fromArray(S, c, r1 + L);
            c20 = FloatVector.fromArray(S, c, r2);
            c21 = FloatVector.fromArray(S, c, r2 + L);
            c30 = FloatVector.fromArray(S, c, r3);
            c31 = FloatVector.fromArray(S, c, r3 + L);
            c40 = FloatVector.fromArray(S, c, r4);
            c41 = FloatVector.fromArray(S, c, r4 + L);
            c50 = FloatVector.fromArray(S, c, r5);
            c51 = FloatVector.fromArray(S, c, r5 + L);
            c60 = FloatVector.fromArray(S, c, r6);
            c61 = FloatVector.fromArray(S, c, r6 + L);
            c70 = FloatVector.fromArray(S, c, r7);
            c71 = FloatVector.fromArray(S, c, r7 + L);
        }
        int s2 = 2 * si, s3 = 3 * si, s4 = 4 * si, s5 = 5 * si, s6 = 6 * si, s7 = 7 * si;
        for (int p = 0, ap = a0, bp = b0; p < k; p++, ap += sp, bp += ldb) {
            FloatVector y0 = FloatVector.fromArray(S, b, bp);
            FloatVector y1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(y0, c00);
            c01 = x.fma(y1, c01);
            x = FloatVector.broadcast(S, a[ap + si]);
            c10 = x.fma(y0, c10);
            c11 = x.fma(y1, c11);
            x = FloatVector.broadcast(S, a[ap + s2]);
            c20 = x.fma(y0, c20);
            c21 = x.fma(y1, c21);
            x = FloatVector.broadcast(S, a[ap + s3]);
            c30 = x.fma(y0, c30);
            c31 = x.fma(y1, c31);
            x = FloatVector.broadcast(S, a[ap + s4]);
            c40 = x.fma(y0, c40);
            c41 = x.fma(y1, c41);
            x = FloatVector.broadcast(S, a[ap + s5]);
            c50 = x.fma(y0, c50);
            c51 = x.fma(y1, c51);
            x = FloatVector.broadcast(S, a[ap + s6]);
            c60 = x.fma(y0, c60);
            c61 = x.fma(y1, c61);
            x = FloatVector.broadcast(S, a[ap + s7]);
            c70 = x.fma(y0, c70);
            c71 = x.fma(y1, c71);
        }
        // written out rather than through a helper: C2 then keeps every vector in a register (a
        // helper called 16 times was left out of line, and its add ran the Vector API's Java fallback)
        if (acc) {
            c00 = c00.add(FloatVector.fromArray(S, c, r0));
            c01 = c01.add(FloatVector.fromArray(S, c, r0 + L));
            c10 = c10.add(FloatVector.fromArray(S, c, r1));
            c11 = c11.add(FloatVector.fromArray(S, c, r1 + L));
            c20 = c20.add(FloatVector.fromArray(S, c, r2));
            c21 = c21.add(FloatVector.fromArray(S, c, r2 + L));
            c30 = c30.add(FloatVector.fromArray(S, c, r3));
            c31 = c31.add(FloatVector.fromArray(S, c, r3 + L));
            c40 = c40.add(FloatVector.fromArray(S, c, r4));
            c41 = c41.add(FloatVector.fromArray(S, c, r4 + L));
            c50 = c50.add(FloatVector.fromArray(S, c, r5));
            c51 = c51.add(FloatVector.fromArray(S, c, r5 + L));
            c60 = c60.add(FloatVector.fromArray(S, c, r6));
            c61 = c61.add(FloatVector.fromArray(S, c, r6 + L));
            c70 = c70.add(FloatVector.fromArray(S, c, r7));
            c71 = c71.add(FloatVector.fromArray(S, c, r7 + L));
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
        c60.intoArray(c, r6);
        c61.intoArray(c, r6 + L);
        c70.intoArray(c, r7);
        c71.intoArray(c, r7 + L);
    }

    private static void k4x2(int k, float[] a, int a0, int si, int sp, float[] b, int b0, int ldb,
                             boolean acc, boolean chain, float[] c, int c0, int ldc) {
        int r0 = c0, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        if (chain) {
            c00 = FloatVector.fromArray(S, c, r0);
            c01 = FloatVector.fromArray(S, c, r0 + L);
            c10 = FloatVector.fromArray(S, c, r1);
            c11 = FloatVector.fromArray(S, c, r1 + L);
            c20 = FloatVector.fromArray(S, c, r2);
            c21 = FloatVector.fromArray(S, c, r2 + L);
            c30 = FloatVector.fromArray(S, c, r3);
            c31 = FloatVector.fromArray(S, c, r3 + L);
        }
        int s2 = 2 * si, s3 = 3 * si;
        for (int p = 0, ap = a0, bp = b0; p < k; p++, ap += sp, bp += ldb) {
            FloatVector y0 = FloatVector.fromArray(S, b, bp);
            FloatVector y1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(y0, c00);
            c01 = x.fma(y1, c01);
            x = FloatVector.broadcast(S, a[ap + si]);
            c10 = x.fma(y0, c10);
            c11 = x.fma(y1, c11);
            x = FloatVector.broadcast(S, a[ap + s2]);
            c20 = x.fma(y0, c20);
            c21 = x.fma(y1, c21);
            x = FloatVector.broadcast(S, a[ap + s3]);
            c30 = x.fma(y0, c30);
            c31 = x.fma(y1, c31);
        }
        if (acc) {
            c00 = c00.add(FloatVector.fromArray(S, c, r0));
            c01 = c01.add(FloatVector.fromArray(S, c, r0 + L));
            c10 = c10.add(FloatVector.fromArray(S, c, r1));
            c11 = c11.add(FloatVector.fromArray(S, c, r1 + L));
            c20 = c20.add(FloatVector.fromArray(S, c, r2));
            c21 = c21.add(FloatVector.fromArray(S, c, r2 + L));
            c30 = c30.add(FloatVector.fromArray(S, c, r3));
            c31 = c31.add(FloatVector.fromArray(S, c, r3 + L));
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
    }

    private static void k8x1(int k, float[] a, int a0, int si, int sp, float[] b, int b0, int ldb,
                             boolean acc, boolean chain, float[] c, int c0, int ldc) {
        FloatVector c0v = FloatVector.zero(S), c1v = c0v, c2v = c0v, c3v = c0v, c4v = c0v, c5v = c0v;
        FloatVector c6v = c0v, c7v = c0v;
        if (chain) {
            c0v = FloatVector.fromArray(S, c, c0);
            c1v = FloatVector.fromArray(S, c, c0 + ldc);
            c2v = FloatVector.fromArray(S, c, c0 + 2 * ldc);
            c3v = FloatVector.fromArray(S, c, c0 + 3 * ldc);
            c4v = FloatVector.fromArray(S, c, c0 + 4 * ldc);
            c5v = FloatVector.fromArray(S, c, c0 + 5 * ldc);
            c6v = FloatVector.fromArray(S, c, c0 + 6 * ldc);
            c7v = FloatVector.fromArray(S, c, c0 + 7 * ldc);
        }
        int s2 = 2 * si, s3 = 3 * si, s4 = 4 * si, s5 = 5 * si, s6 = 6 * si, s7 = 7 * si;
        for (int p = 0, ap = a0, bp = b0; p < k; p++, ap += sp, bp += ldb) {
            FloatVector y = FloatVector.fromArray(S, b, bp);
            c0v = FloatVector.broadcast(S, a[ap]).fma(y, c0v);
            c1v = FloatVector.broadcast(S, a[ap + si]).fma(y, c1v);
            c2v = FloatVector.broadcast(S, a[ap + s2]).fma(y, c2v);
            c3v = FloatVector.broadcast(S, a[ap + s3]).fma(y, c3v);
            c4v = FloatVector.broadcast(S, a[ap + s4]).fma(y, c4v);
            c5v = FloatVector.broadcast(S, a[ap + s5]).fma(y, c5v);
            c6v = FloatVector.broadcast(S, a[ap + s6]).fma(y, c6v);
            c7v = FloatVector.broadcast(S, a[ap + s7]).fma(y, c7v);
        }
        if (acc) {
            c0v = c0v.add(FloatVector.fromArray(S, c, c0));
            c1v = c1v.add(FloatVector.fromArray(S, c, c0 + ldc));
            c2v = c2v.add(FloatVector.fromArray(S, c, c0 + 2 * ldc));
            c3v = c3v.add(FloatVector.fromArray(S, c, c0 + 3 * ldc));
            c4v = c4v.add(FloatVector.fromArray(S, c, c0 + 4 * ldc));
            c5v = c5v.add(FloatVector.fromArray(S, c, c0 + 5 * ldc));
            c6v = c6v.add(FloatVector.fromArray(S, c, c0 + 6 * ldc));
            c7v = c7v.add(FloatVector.fromArray(S, c, c0 + 7 * ldc));
        }
        c0v.intoArray(c, c0);
        c1v.intoArray(c, c0 + ldc);
        c2v.intoArray(c, c0 + 2 * ldc);
        c3v.intoArray(c, c0 + 3 * ldc);
        c4v.intoArray(c, c0 + 4 * ldc);
        c5v.intoArray(c, c0 + 5 * ldc);
        c6v.intoArray(c, c0 + 6 * ldc);
        c7v.intoArray(c, c0 + 7 * ldc);
    }

    /** Per thread: 8 rows x one vector of C for {@link #tail8}. */
    private static final ThreadLocal<float[]> TAIL = ThreadLocal.withInitial(() -> new float[MR * L]);

    /**
     * Eight rows by the {@code lanes < L} columns of a panel's last, partial vector. Masked
     * loads are avoided: a masked 8-row (and 4-row) kernel failed C1's tier-3 compilation
     * ("out of virtual registers"), never reached C2, and ran the Vector API's Java fallback for
     * whole trainings (found with JFR and -XX:+PrintCompilation; the VAE's 40-wide layer hit
     * it). When B has room for whole vectors, {@link #k8x1} runs into a scratch block (the lanes
     * past the panel compute values that are never stored), and the valid lanes are copied;
     * otherwise one masked row at a time.
     */
    private static void tail8(int k, float[] a, int a0, int si, int sp, float[] b, int b0, int ldb,
                              boolean acc, boolean chain, float[] c, int c0, int ldc, int lanes) {
        if (k == 0 || b0 + (long) (k - 1) * ldb + L > b.length) {
            for (int r = 0; r < MR; r++) {
                k1x1Masked(k, a, a0 + r * si, sp, b, b0, ldb, acc, chain, c, c0 + r * ldc, lanes);
            }
            return;
        }
        float[] t = TAIL.get();
        if (chain) {
            for (int r = 0; r < MR; r++) {
                System.arraycopy(c, c0 + r * ldc, t, r * L, lanes);
            }
        }
        k8x1(k, a, a0, si, sp, b, b0, ldb, false, chain, t, 0, L);
        for (int r = 0; r < MR; r++) {
            int row = c0 + r * ldc;
            for (int j = 0; j < lanes; j++) {
                c[row + j] = acc ? c[row + j] + t[r * L + j] : t[r * L + j];
            }
        }
    }

    private static void k1x2(int k, float[] a, int a0, int sp, float[] b, int b0, int ldb,
                             boolean acc, boolean chain, float[] c, int c0) {
        FloatVector s0 = chain ? FloatVector.fromArray(S, c, c0) : FloatVector.zero(S);
        FloatVector s1 = chain ? FloatVector.fromArray(S, c, c0 + L) : FloatVector.zero(S);
        for (int p = 0, ap = a0, bp = b0; p < k; p++, ap += sp, bp += ldb) {
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            s0 = x.fma(FloatVector.fromArray(S, b, bp), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, bp + L), s1);
        }
        store(s0, c, c0, acc);
        store(s1, c, c0 + L, acc);
    }

    private static void k1x1Masked(int k, float[] a, int a0, int sp, float[] b, int b0, int ldb,
                                   boolean acc, boolean chain, float[] c, int c0, int lanes) {
        VectorMask<Float> m = S.indexInRange(0, lanes);
        FloatVector s = chain ? FloatVector.fromArray(S, c, c0, m) : FloatVector.zero(S);
        for (int p = 0, ap = a0, bp = b0; p < k; p++, ap += sp, bp += ldb) {
            s = FloatVector.broadcast(S, a[ap]).fma(FloatVector.fromArray(S, b, bp, m), s);
        }
        (acc ? s.add(FloatVector.fromArray(S, c, c0, m)) : s).intoArray(c, c0, m);
    }

    private static void store(FloatVector v, float[] c, int at, boolean acc) {
        (acc ? v.add(FloatVector.fromArray(S, c, at)) : v).intoArray(c, at);
    }

    // ---- NT by dot products: C[i, j] = dot(A[i, :], B[j, :]) along the shared contiguous p ----

    /** Rows of C per dot-product block. */
    static final int DOT_ROWS = 4;

    /** Rows {@code [i0, i1)} of C = A B^T with A m x k and B n x k, both row-major. */
    static void dotRows(int i0, int i1, int n, int k, float[] a, int aOff, int lda,
                        float[] b, int bOff, int ldb, boolean acc, float[] c, int cOff, int ldc) {
        int kv = k - k % L;
        int i = i0;
        for (; i + DOT_ROWS <= i1; i += DOT_ROWS) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dot4x4(i, j, k, kv, a, aOff, lda, b, bOff, ldb, acc, c, cOff, ldc);
            }
            for (; j < n; j++) {
                for (int r = 0; r < DOT_ROWS; r++) {
                    dot1x1(i + r, j, k, kv, a, aOff, lda, b, bOff, ldb, acc, c, cOff, ldc);
                }
            }
        }
        for (; i < i1; i++) {
            for (int j = 0; j < n; j++) {
                dot1x1(i, j, k, kv, a, aOff, lda, b, bOff, ldb, acc, c, cOff, ldc);
            }
        }
    }

    private static void dot4x4(int i, int j, int k, int kv, float[] a, int aOff, int lda,
                               float[] b, int bOff, int ldb, boolean acc, float[] c, int cOff, int ldc) {
        FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s03 = s00;
        FloatVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00;
        FloatVector s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        int a0 = aOff + i * lda, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
        int b0 = bOff + j * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
        for (int p = 0; p < kv; p += L) {
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector y3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector x = FloatVector.fromArray(S, a, a0 + p);
            s00 = x.fma(y0, s00);
            s01 = x.fma(y1, s01);
            s02 = x.fma(y2, s02);
            s03 = x.fma(y3, s03);
            x = FloatVector.fromArray(S, a, a1 + p);
            s10 = x.fma(y0, s10);
            s11 = x.fma(y1, s11);
            s12 = x.fma(y2, s12);
            s13 = x.fma(y3, s13);
            x = FloatVector.fromArray(S, a, a2 + p);
            s20 = x.fma(y0, s20);
            s21 = x.fma(y1, s21);
            s22 = x.fma(y2, s22);
            s23 = x.fma(y3, s23);
            x = FloatVector.fromArray(S, a, a3 + p);
            s30 = x.fma(y0, s30);
            s31 = x.fma(y1, s31);
            s32 = x.fma(y2, s32);
            s33 = x.fma(y3, s33);
        }
        int r = cOff + i * ldc + j;
        put(c, r, acc, finish(s00, a, a0, b, b0, kv, k), finish(s01, a, a0, b, b1, kv, k),
                finish(s02, a, a0, b, b2, kv, k), finish(s03, a, a0, b, b3, kv, k));
        r += ldc;
        put(c, r, acc, finish(s10, a, a1, b, b0, kv, k), finish(s11, a, a1, b, b1, kv, k),
                finish(s12, a, a1, b, b2, kv, k), finish(s13, a, a1, b, b3, kv, k));
        r += ldc;
        put(c, r, acc, finish(s20, a, a2, b, b0, kv, k), finish(s21, a, a2, b, b1, kv, k),
                finish(s22, a, a2, b, b2, kv, k), finish(s23, a, a2, b, b3, kv, k));
        r += ldc;
        put(c, r, acc, finish(s30, a, a3, b, b0, kv, k), finish(s31, a, a3, b, b1, kv, k),
                finish(s32, a, a3, b, b2, kv, k), finish(s33, a, a3, b, b3, kv, k));
    }

    private static void put(float[] c, int r, boolean acc, float v0, float v1, float v2, float v3) {
        if (acc) {
            c[r] += v0;
            c[r + 1] += v1;
            c[r + 2] += v2;
            c[r + 3] += v3;
        } else {
            c[r] = v0;
            c[r + 1] = v1;
            c[r + 2] = v2;
            c[r + 3] = v3;
        }
    }

    /** The lanes summed in a fixed order, then the scalar tail p in [kv, k). */
    private static float finish(FloatVector s, float[] a, int ai, float[] b, int bj, int kv, int k) {
        float t = VectorMath.sumLanes(s);
        for (int p = kv; p < k; p++) {
            t = Math.fma(a[ai + p], b[bj + p], t);
        }
        return t;
    }

    private static void dot1x1(int i, int j, int k, int kv, float[] a, int aOff, int lda,
                               float[] b, int bOff, int ldb, boolean acc, float[] c, int cOff, int ldc) {
        FloatVector s = FloatVector.zero(S);
        int ai = aOff + i * lda;
        int bj = bOff + j * ldb;
        for (int p = 0; p < kv; p += L) {
            s = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), s);
        }
        float t = finish(s, a, ai, b, bj, kv, k);
        int ci = cOff + i * ldc + j;
        c[ci] = acc ? c[ci] + t : t;
    }
}
