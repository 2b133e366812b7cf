package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The default kernels: plain Java with {@code jdk.incubator.vector}, sized to the CPU's
 * preferred vector width. GEMM uses register-blocked micro-kernels: for {@code op(B) = B}
 * (NN, TN) a 4-row by 2-vector block of C accumulates broadcasts of A times rows of B; for
 * {@code op(B) = B^T} (NT) a 4 x 4 block of dot products runs along the shared contiguous
 * dimension. Rows of C are split over the thread team in blocks of four.
 */
public final class VectorKernels extends ScalarKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 4;

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
        if (transA && transB) {
            super.gemm(true, true, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
            return;
        }
        int blocks = (m + MR - 1) / MR;
        if ((long) m * n * k < PARALLEL_FLOPS || blocks < 2) {
            gemmRows(transA, transB, 0, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
            return;
        }
        team.run(blocks, (b0, b1) -> gemmRows(transA, transB, b0 * MR, Math.min(m, b1 * MR), n, k,
                a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc));
    }

    @Override
    protected void gemmRows(boolean transA, boolean transB, int i0, int i1, int n, int k,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            boolean accumulate, float[] c, int cOff, int ldc) {
        if (transA && transB) {
            // TT has no vector micro-kernel: dotRows and broadcastRows assume A is not transposed
            super.gemmRows(true, true, i0, i1, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = i0; i < i1; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        if (transB) {
            dotRows(i0, i1, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
        } else {
            broadcastRows(transA, i0, i1, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
        }
    }

    // ---- NN and TN: C[i, j..j+2L) += A(i,p) * B[p, j..j+2L) ----

    private static void broadcastRows(boolean transA, int i0, int i1, int n, int k,
                                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                      boolean acc, float[] c, int cOff, int ldc) {
        int si = transA ? 1 : lda;
        int sp = transA ? lda : 1;
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            int i = i0;
            for (; i + MR <= i1; i += MR) {
                kernel4x4(i, j, k, a, aOff, si, sp, b, bOff, ldb, acc, c, cOff, ldc);
            }
            for (; i < i1; i++) {
                kernel1x2(i, j, k, a, aOff, si, sp, b, bOff, ldb, acc, c, cOff, ldc);
                kernel1x2(i, j + 2 * L, k, a, aOff, si, sp, b, bOff, ldb, acc, c, cOff, ldc);
            }
        }
        for (; j + 2 * L <= n; j += 2 * L) {
            int i = i0;
            for (; i + MR <= i1; i += MR) {
                kernel4x2(i, j, k, a, aOff, si, sp, b, bOff, ldb, acc, c, cOff, ldc);
            }
            for (; i < i1; i++) {
                kernel1x2(i, j, k, a, aOff, si, sp, b, bOff, ldb, acc, c, cOff, ldc);
            }
        }
        for (; j + L <= n; j += L) {
            for (int i = i0; i < i1; i++) {
                kernel1x1(i, j, k, a, aOff, si, sp, b, bOff, ldb, acc, c, cOff, ldc);
            }
        }
        for (; j < n; j++) {
            for (int i = i0; i < i1; i++) {
                float s = 0f;
                int ai = aOff + i * si;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[ai + p * sp], b[bOff + p * ldb + j], s);
                }
                int ci = cOff + i * ldc + j;
                c[ci] = acc ? c[ci] + s : s;
            }
        }
    }

    private static void kernel4x4(int i, int j, int k, float[] a, int aOff, int si, int sp,
                                  float[] b, int bOff, int ldb, boolean acc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        int a0 = aOff + i * si;
        int a1 = a0 + si;
        int a2 = a1 + si;
        int a3 = a2 + si;
        int bp = bOff + j;
        for (int p = 0, ap = 0; p < k; p++, ap += sp, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        int r = cOff + i * ldc + j;
        store(c00, c, r, acc);
        store(c01, c, r + L, acc);
        store(c02, c, r + 2 * L, acc);
        store(c03, c, r + 3 * L, acc);
        r += ldc;
        store(c10, c, r, acc);
        store(c11, c, r + L, acc);
        store(c12, c, r + 2 * L, acc);
        store(c13, c, r + 3 * L, acc);
        r += ldc;
        store(c20, c, r, acc);
        store(c21, c, r + L, acc);
        store(c22, c, r + 2 * L, acc);
        store(c23, c, r + 3 * L, acc);
        r += ldc;
        store(c30, c, r, acc);
        store(c31, c, r + L, acc);
        store(c32, c, r + 2 * L, acc);
        store(c33, c, r + 3 * L, acc);
    }

    private static void kernel4x2(int i, int j, int k, float[] a, int aOff, int si, int sp,
                                  float[] b, int bOff, int ldb, boolean acc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int a0 = aOff + i * si;
        int a1 = a0 + si;
        int a2 = a1 + si;
        int a3 = a2 + si;
        int bp = bOff + j;
        for (int p = 0, ap = 0; p < k; p++, ap += sp, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        int r = cOff + i * ldc + j;
        store(c00, c, r, acc);
        store(c01, c, r + L, acc);
        r += ldc;
        store(c10, c, r, acc);
        store(c11, c, r + L, acc);
        r += ldc;
        store(c20, c, r, acc);
        store(c21, c, r + L, acc);
        r += ldc;
        store(c30, c, r, acc);
        store(c31, c, r + L, acc);
    }

    private static void kernel1x2(int i, int j, int k, float[] a, int aOff, int si, int sp,
                                  float[] b, int bOff, int ldb, boolean acc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        int a0 = aOff + i * si;
        int bp = bOff + j;
        for (int p = 0, ap = 0; p < k; p++, ap += sp, bp += ldb) {
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(FloatVector.fromArray(S, b, bp), c00);
            c01 = x.fma(FloatVector.fromArray(S, b, bp + L), c01);
        }
        int r = cOff + i * ldc + j;
        store(c00, c, r, acc);
        store(c01, c, r + L, acc);
    }

    private static void kernel1x1(int i, int j, int k, float[] a, int aOff, int si, int sp,
                                  float[] b, int bOff, int ldb, boolean acc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S);
        int a0 = aOff + i * si;
        int bp = bOff + j;
        for (int p = 0, ap = 0; p < k; p++, ap += sp, bp += ldb) {
            c00 = FloatVector.broadcast(S, a[a0 + ap]).fma(FloatVector.fromArray(S, b, bp), c00);
        }
        store(c00, c, cOff + i * ldc + j, acc);
    }

    private static void store(FloatVector v, float[] c, int at, boolean acc) {
        (acc ? v.add(FloatVector.fromArray(S, c, at)) : v).intoArray(c, at);
    }

    // ---- NT: C[i, j] = dot(A[i, :], B[j, :]) ----

    private static void dotRows(int i0, int i1, int n, int k, float[] a, int aOff, int lda,
                                float[] b, int bOff, int ldb, boolean acc, float[] c, int cOff, int ldc) {
        int kv = k - k % L;
        int i = i0;
        for (; i + MR <= i1; i += MR) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dot4x4(i, j, k, kv, a, aOff, lda, b, bOff, ldb, acc, c, cOff, ldc);
            }
            for (; j < n; j++) {
                for (int r = 0; r < MR; r++) {
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
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S), s03 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S), s13 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S), s22 = FloatVector.zero(S), s23 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S), s32 = FloatVector.zero(S), s33 = FloatVector.zero(S);
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

    private static float finish(FloatVector s, float[] a, int ai, float[] b, int bj, int kv, int k) {
        float t = s.reduceLanes(VectorOperators.ADD);
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
            one.div(one.add(v.neg().lanewise(VectorOperators.EXP))).intoArray(z, base + j);
        }
        for (; j < cols; j++) {
            z[base + j] = Activation.SIGMOID.apply(z[base + j] + bias[bo + j]);
        }
    }

    private static void biasTanh(float[] z, int base, int cols, float[] bias, int bo) {
        int j = 0;
        for (; j + L <= cols; j += L) {
            FloatVector.fromArray(S, z, base + j).add(FloatVector.fromArray(S, bias, bo + j))
                    .lanewise(VectorOperators.TANH).intoArray(z, base + j);
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
        if (kind != LossKind.MSE) {
            return super.sigmoidLossRange(kind, y, t, from, to, gz, g);
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
        double s = sum.reduceLanes(VectorOperators.ADD);
        return s + super.sigmoidLossRange(kind, y, t, i, to, gz, g);
    }

    @Override
    protected double lossRange(LossKind kind, float[] y, float[] t, int from, int to, float[] grad, float g) {
        if (kind != LossKind.MSE) {
            return super.lossRange(kind, y, t, from, to, grad, g);
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
        double s = sum.reduceLanes(VectorOperators.ADD);
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
