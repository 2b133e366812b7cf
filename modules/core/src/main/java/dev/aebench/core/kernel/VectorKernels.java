package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The default kernels: plain Java with {@code jdk.incubator.vector}, sized to the CPU's
 * preferred vector width, each concern in its own class: GEMM and Gram dispatch over the
 * thread team in {@link VectorGemmDriver} (onto the register-blocked micro-kernels of
 * {@link VectorGemm}), the row-sparse products in {@link VectorRowSparseProducts}, fused bias
 * and activations in {@link VectorActivations}, losses in {@link VectorLosses}, image passes in
 * {@link VectorImageOps}, the deterministic lane sum, exp and tanh in {@link VectorMath}. All
 * give the same bits as the scalar kernels.
 */
public final class VectorKernels extends ScalarKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private final VectorGemmDriver gemms;
    private final VectorRowSparseProducts rowSparse;

    public VectorKernels(int threads) {
        super(threads);
        this.gemms = new VectorGemmDriver(this);
        this.rowSparse = new VectorRowSparseProducts(this, gemms);
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
        gemms.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
    }

    /** The upper blocks by the GEMM micro-kernels, mirrored (see {@link VectorGemmDriver#gram}). */
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
        gemms.gram(n, k, a, aOff, lda, accumulate, c, cOff, ldc);
    }

    // ---- products with a row-sparse A ----

    @Override
    public void rowSparseGemm(RowSparsity s, int n, int k, float[] a, int aOff, int lda,
                              float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        rowSparse.rowSparseGemm(s, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    @Override
    public void rowSparseGemmMasked(RowSparsity s, int k, float[] a, int aOff, int lda,
                                    float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        rowSparse.rowSparseGemmMasked(s, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    @Override
    public void rowSparseGemmTransA(RowSparsity s, int n, int k, float[] a, int aOff, int lda,
                                    float[] b, int bOff, int ldb, boolean accumulate, float[] c, int cOff, int ldc) {
        rowSparse.rowSparseGemmTransA(s, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
    }

    @Override
    public void rowSparseGram(RowSparsity s, int k, float[] a, int aOff, int lda, boolean accumulate,
                              float[] c, int cOff, int ldc) {
        rowSparse.rowSparseGram(s, k, a, aOff, lda, accumulate, c, cOff, ldc);
    }

    // ---- noise, images and element-wise passes ----

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

    @Override
    public void biasActivation(Activation act, float[] z, int rows, int cols, float[] bias, int biasOff) {
        rowBlocks(rows, cols, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                VectorActivations.biasRow(act, z, r * cols, cols, bias, biasOff);
            }
        });
    }

    @Override
    public void activationBackward(Activation act, float[] y, float[] grad, int n) {
        if (act == Activation.IDENTITY) {
            return;
        }
        flatBlocks(n, (from, to) -> VectorActivations.backward(act, y, grad, from, to));
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
        double s = VectorMath.sumLanes(sum);
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
        double s = VectorMath.sumLanes(sum);
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
