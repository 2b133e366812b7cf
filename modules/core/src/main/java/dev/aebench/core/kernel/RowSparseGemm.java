package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Micro-kernels for products with a row-sparse A ({@link RowSparsity}): the inner loop runs
 * over a group's support only, reading A and B in place through the index list. Like
 * {@link VectorGemm}, each lane accumulates with fused multiply-adds in increasing p, so the
 * bits are those of the dense kernels (which add the skipped products as exact zeros).
 *
 * <p>{@code A B} keeps 8 (then 4, then 1) rows of C by two vectors in registers while p walks
 * the support. {@code A^T B} has C's rows indexed by the support: 8 of them by two vectors are
 * loaded, continued over the group's rows of A and B, and stored back, so a C element's chain
 * runs through the groups in order. {@link #compress} and {@link #expand} move a row to a
 * group's support and back, for the products computed on support x support blocks.
 */
final class RowSparseGemm {
    private static final VectorSpecies<Float> S = VectorGemm.S;
    private static final int L = VectorGemm.L;
    static final int PANEL = VectorGemm.PANEL;

    private RowSparseGemm() {
    }

    // ---- C = A B: rows [r0, r1) of one group, support idx[q0 .. q1) ----

    /**
     * Rows {@code [r0, r1)} of C in the {@code w <= PANEL} columns from {@code j}, from the group's
     * support {@code idx[q0, q1)}.
     */
    static void rows(int r0, int r1, int q0, int q1, int[] idx, int j, int w, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int r = r0;
        if (w == PANEL) {
            for (; r + 8 <= r1; r += 8) {
                n8x2(q0, q1, idx, a, aOff + r * lda, lda, b, bOff + j, ldb, c, cOff + r * ldc + j, ldc);
            }
            for (; r + 4 <= r1; r += 4) {
                n4x2(q0, q1, idx, a, aOff + r * lda, lda, b, bOff + j, ldb, c, cOff + r * ldc + j, ldc);
            }
            for (; r < r1; r++) {
                n1x1(q0, q1, idx, a, aOff + r * lda, b, bOff + j, ldb, c, cOff + r * ldc + j, L);
                n1x1(q0, q1, idx, a, aOff + r * lda, b, bOff + j + L, ldb, c, cOff + r * ldc + j + L, L);
            }
        } else {
            for (; r < r1; r++) {
                n1x1(q0, q1, idx, a, aOff + r * lda, b, bOff + j, ldb, c, cOff + r * ldc + j, Math.min(w, L));
                if (w > L) {
                    n1x1(q0, q1, idx, a, aOff + r * lda, b, bOff + j + L, ldb, c, cOff + r * ldc + j + L, w - L);
                }
            }
        }
    }

    private static void n8x2(int q0, int q1, int[] idx, float[] a, int a0, int lda, float[] b, int b0, int ldb,
                             float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        int s1 = lda, s2 = 2 * lda, s3 = 3 * lda, s4 = 4 * lda, s5 = 5 * lda, s6 = 6 * lda, s7 = 7 * lda;
        for (int q = q0; q < q1; q++) {
            int p = idx[q];
            int bp = b0 + p * ldb;
            int ap = a0 + p;
            FloatVector y0 = FloatVector.fromArray(S, b, bp);
            FloatVector y1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(y0, c00);
            c01 = x.fma(y1, c01);
            x = FloatVector.broadcast(S, a[ap + s1]);
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
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + L);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + L);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + L);
        c40.intoArray(c, c0 + 4 * ldc);
        c41.intoArray(c, c0 + 4 * ldc + L);
        c50.intoArray(c, c0 + 5 * ldc);
        c51.intoArray(c, c0 + 5 * ldc + L);
        c60.intoArray(c, c0 + 6 * ldc);
        c61.intoArray(c, c0 + 6 * ldc + L);
        c70.intoArray(c, c0 + 7 * ldc);
        c71.intoArray(c, c0 + 7 * ldc + L);
    }

    private static void n4x2(int q0, int q1, int[] idx, float[] a, int a0, int lda, float[] b, int b0, int ldb,
                             float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        int s2 = 2 * lda, s3 = 3 * lda;
        for (int q = q0; q < q1; q++) {
            int p = idx[q];
            int bp = b0 + p * ldb;
            int ap = a0 + p;
            FloatVector y0 = FloatVector.fromArray(S, b, bp);
            FloatVector y1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(y0, c00);
            c01 = x.fma(y1, c01);
            x = FloatVector.broadcast(S, a[ap + lda]);
            c10 = x.fma(y0, c10);
            c11 = x.fma(y1, c11);
            x = FloatVector.broadcast(S, a[ap + s2]);
            c20 = x.fma(y0, c20);
            c21 = x.fma(y1, c21);
            x = FloatVector.broadcast(S, a[ap + s3]);
            c30 = x.fma(y0, c30);
            c31 = x.fma(y1, c31);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + L);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + L);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + L);
    }

    private static void n1x1(int q0, int q1, int[] idx, float[] a, int a0, float[] b, int b0, int ldb,
                             float[] c, int c0, int lanes) {
        VectorMask<Float> m = S.indexInRange(0, lanes); // made here, not passed in: see VectorGemm.tail8
        FloatVector s = FloatVector.zero(S);
        for (int q = q0; q < q1; q++) {
            int p = idx[q];
            s = FloatVector.broadcast(S, a[a0 + p]).fma(FloatVector.fromArray(S, b, b0 + p * ldb, m), s);
        }
        s.intoArray(c, c0, m);
    }

    // ---- T += A^T B over one group's rows [r0, r1): T's rows idx[q0 .. q1), columns from panel j0 ----

    /**
     * Continues the chains of T rows {@code idx[q]} for q in {@code [q0, q1)} over the group's rows
     * {@code [r0, r1)} of A and B, all n columns.
     */
    static void transRows(int r0, int r1, int q0, int q1, int[] idx, int n, float[] a, int aOff,
                          int lda, float[] b, int bOff, int ldb, float[] t, int tOff, int ldt) {
        int q = q0;
        for (; q + 8 <= q1; q += 8) {
            for (int j = 0; j < n; j += PANEL) {
                int w = Math.min(PANEL, n - j);
                if (w == PANEL) {
                    t8x2(r0, r1, idx, q, a, aOff, lda, b, bOff + j, ldb, t, tOff + j, ldt);
                } else {
                    for (int i = q; i < q + 8; i++) {
                        transTail(r0, r1, idx[i], j, w, a, aOff, lda, b, bOff, ldb, t, tOff, ldt);
                    }
                }
            }
        }
        for (; q < q1; q++) {
            for (int j = 0; j < n; j += PANEL) {
                int w = Math.min(PANEL, n - j);
                transTail(r0, r1, idx[q], j, w, a, aOff, lda, b, bOff, ldb, t, tOff, ldt);
            }
        }
    }

    private static void transTail(int r0, int r1, int p, int j, int w, float[] a, int aOff, int lda,
                                  float[] b, int bOff, int ldb, float[] t, int tOff, int ldt) {
        t1x1(r0, r1, p, a, aOff, lda, b, bOff + j, ldb, t, tOff + p * ldt + j, Math.min(w, L));
        if (w > L) {
            t1x1(r0, r1, p, a, aOff, lda, b, bOff + j + L, ldb, t, tOff + p * ldt + j + L, w - L);
        }
    }

    private static void t8x2(int r0, int r1, int[] idx, int q, float[] a, int aOff, int lda, float[] b, int b0,
                             int ldb, float[] t, int tj, int ldt) {
        int p0 = idx[q], p1 = idx[q + 1], p2 = idx[q + 2], p3 = idx[q + 3];
        int p4 = idx[q + 4], p5 = idx[q + 5], p6 = idx[q + 6], p7 = idx[q + 7];
        int t0 = p0 * ldt + tj, t1 = p1 * ldt + tj, t2 = p2 * ldt + tj, t3 = p3 * ldt + tj;
        int t4 = p4 * ldt + tj, t5 = p5 * ldt + tj, t6 = p6 * ldt + tj, t7 = p7 * ldt + tj;
        FloatVector c00 = FloatVector.fromArray(S, t, t0), c01 = FloatVector.fromArray(S, t, t0 + L);
        FloatVector c10 = FloatVector.fromArray(S, t, t1), c11 = FloatVector.fromArray(S, t, t1 + L);
        FloatVector c20 = FloatVector.fromArray(S, t, t2), c21 = FloatVector.fromArray(S, t, t2 + L);
        FloatVector c30 = FloatVector.fromArray(S, t, t3), c31 = FloatVector.fromArray(S, t, t3 + L);
        FloatVector c40 = FloatVector.fromArray(S, t, t4), c41 = FloatVector.fromArray(S, t, t4 + L);
        FloatVector c50 = FloatVector.fromArray(S, t, t5), c51 = FloatVector.fromArray(S, t, t5 + L);
        FloatVector c60 = FloatVector.fromArray(S, t, t6), c61 = FloatVector.fromArray(S, t, t6 + L);
        FloatVector c70 = FloatVector.fromArray(S, t, t7), c71 = FloatVector.fromArray(S, t, t7 + L);
        for (int r = r0; r < r1; r++) {
            int ar = aOff + r * lda;
            int bp = b0 + r * ldb;
            FloatVector y0 = FloatVector.fromArray(S, b, bp);
            FloatVector y1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ar + p0]);
            c00 = x.fma(y0, c00);
            c01 = x.fma(y1, c01);
            x = FloatVector.broadcast(S, a[ar + p1]);
            c10 = x.fma(y0, c10);
            c11 = x.fma(y1, c11);
            x = FloatVector.broadcast(S, a[ar + p2]);
            c20 = x.fma(y0, c20);
            c21 = x.fma(y1, c21);
            x = FloatVector.broadcast(S, a[ar + p3]);
            c30 = x.fma(y0, c30);
            c31 = x.fma(y1, c31);
            x = FloatVector.broadcast(S, a[ar + p4]);
            c40 = x.fma(y0, c40);
            c41 = x.fma(y1, c41);
            x = FloatVector.broadcast(S, a[ar + p5]);
            c50 = x.fma(y0, c50);
            c51 = x.fma(y1, c51);
            x = FloatVector.broadcast(S, a[ar + p6]);
            c60 = x.fma(y0, c60);
            c61 = x.fma(y1, c61);
            x = FloatVector.broadcast(S, a[ar + p7]);
            c70 = x.fma(y0, c70);
            c71 = x.fma(y1, c71);
        }
        c00.intoArray(t, t0);
        c01.intoArray(t, t0 + L);
        c10.intoArray(t, t1);
        c11.intoArray(t, t1 + L);
        c20.intoArray(t, t2);
        c21.intoArray(t, t2 + L);
        c30.intoArray(t, t3);
        c31.intoArray(t, t3 + L);
        c40.intoArray(t, t4);
        c41.intoArray(t, t4 + L);
        c50.intoArray(t, t5);
        c51.intoArray(t, t5 + L);
        c60.intoArray(t, t6);
        c61.intoArray(t, t6 + L);
        c70.intoArray(t, t7);
        c71.intoArray(t, t7 + L);
    }

    private static void t1x1(int r0, int r1, int p, float[] a, int aOff, int lda, float[] b, int b0, int ldb,
                             float[] t, int t0, int lanes) {
        VectorMask<Float> m = S.indexInRange(0, lanes);
        FloatVector s = FloatVector.fromArray(S, t, t0, m);
        for (int r = r0; r < r1; r++) {
            s = FloatVector.broadcast(S, a[aOff + r * lda + p]).fma(FloatVector.fromArray(S, b, b0 + r * ldb, m), s);
        }
        s.intoArray(t, t0, m);
    }

    // ---- compaction to a support and back ----

    /** {@code on[idx[i]] = value} for i in {@code [from, to)}: sets or clears a support's lanes. */
    static void mark(float[] on, int[] idx, int from, int to, float value) {
        for (int i = from; i < to; i++) {
            on[idx[i]] = value;
        }
    }

    /**
     * Copies the entries of {@code a[aAt .. aAt + k)} at the positions where {@code on} is non-zero
     * to {@code out[outAt ..]} in order; {@code out} needs L floats of slack, {@code on} k + L.
     */
    static void compress(float[] a, int aAt, float[] on, int k, float[] out, int outAt) {
        int pos = outAt;
        int j = 0;
        for (; j + L <= k; j += L) {
            VectorMask<Float> m = FloatVector.fromArray(S, on, j).compare(VectorOperators.NE, 0f);
            FloatVector.fromArray(S, a, aAt + j).compress(m).intoArray(out, pos);
            pos += m.trueCount();
        }
        for (; j < k; j++) {
            if (on[j] != 0f) {
                out[pos++] = a[aAt + j];
            }
        }
    }

    /**
     * {@code c[cAt + p] += t[tAt++]} for the positions p >= {@code from} where {@code on} is
     * non-zero, in order: a compact row added back at its support.
     */
    static void expandAdd(float[] t, int tAt, int from, float[] on, int k, float[] c, int cAt) {
        int pos = tAt;
        int j = from / L * L;
        VectorMask<Float> first = S.indexInRange(j - from, L);
        for (; j + L <= k; j += L) {
            VectorMask<Float> m = FloatVector.fromArray(S, on, j).compare(VectorOperators.NE, 0f).and(first);
            first = S.maskAll(true);
            FloatVector add = FloatVector.fromArray(S, t, pos).expand(m);
            FloatVector.fromArray(S, c, cAt + j, m).add(add).intoArray(c, cAt + j, m);
            pos += m.trueCount();
        }
        for (j = Math.max(j, from); j < k; j++) {
            if (on[j] != 0f) {
                c[cAt + j] += t[pos++];
            }
        }
    }
    /**
     * Writes {@code c[cAt .. cAt + k)}: at the positions where {@code on} is non-zero the values
     * {@code t[tAt++]} in order, 0 elsewhere.
     */
    static void expand(float[] t, int tAt, float[] on, int k, float[] c, int cAt) {
        int pos = tAt;
        int j = 0;
        for (; j + L <= k; j += L) {
            VectorMask<Float> m = FloatVector.fromArray(S, on, j).compare(VectorOperators.NE, 0f);
            FloatVector.fromArray(S, t, pos).expand(m).intoArray(c, cAt + j);
            pos += m.trueCount();
        }
        for (; j < k; j++) {
            c[cAt + j] = on[j] != 0f ? t[pos++] : 0f;
        }
    }
}
