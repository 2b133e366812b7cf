package dev.aebench.core.kernel;

/**
 * The few numeric operations that models are written against. Matrices are row-major
 * {@code float[]} with an offset and a leading dimension, so a layer can address a slice of
 * the parameter arena without copying.
 *
 * <p>Implementations must be deterministic: the same inputs give the same bits whatever the
 * number of threads (every output element is computed by one thread, in one order, and
 * reductions are summed in a fixed order).
 */
public interface Kernels extends AutoCloseable {

    /** A short name for provenance and reports, such as {@code vector-512} or {@code scalar}. */
    String name();

    /** Threads this implementation splits work over. */
    int threads();

    /**
     * {@code C = op(A) op(B)}, or {@code C += op(A) op(B)} when {@code accumulate}. {@code op(A)}
     * is m x k, {@code op(B)} is k x n, C is m x n. With {@code transA}, A is stored k x m; with
     * {@code transB}, B is stored n x k.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              boolean accumulate, float[] c, int cOff, int ldc);

    /**
     * The symmetric Gram matrix {@code C = A^T A} (or {@code C += A^T A} when {@code accumulate},
     * in which case C must be symmetric on entry), with A stored k x n: the same bits as
     * {@code gemm(true, false, n, n, k, a, aOff, lda, a, aOff, lda, accumulate, c, cOff, ldc)}.
     * Implementations may compute the blocks on and above the diagonal only and mirror them.
     */
    default void gram(int n, int k, float[] a, int aOff, int lda, boolean accumulate, float[] c, int cOff, int ldc) {
        gemm(true, false, n, n, k, a, aOff, lda, a, aOff, lda, accumulate, c, cOff, ldc);
    }

    // ---- products with a row-sparse A (rows zero outside their group's support) ----
    // Each gives the bits of the dense call named: the products skipped are exact zeros. The
    // defaults are the dense calls, so another backend compiles without them.

    /**
     * {@code C = A B} with A {@code s.rows() x k} (row-major, leading dimension lda), every row
     * zero outside its group's support; B is {@code k x n}. The bits of
     * {@code gemm(false, false, s.rows(), n, k, a, aOff, lda, b, bOff, ldb, false, c, cOff, ldc)}.
     */
    default void rowSparseGemm(RowSparsity s, int n, int k, float[] a, int aOff, int lda,
                               float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        gemm(false, false, s.rows(), n, k, a, aOff, lda, b, bOff, ldb, false, c, cOff, ldc);
    }

    /**
     * {@code C = A B} on each group's support x support, A {@code s.rows() x k} as in
     * {@link #rowSparseGemm} and B {@code k x k}: for row r of a group, {@code C[r, j]} for j in
     * the support is the dense product's (same bits), and 0 for every other j.
     */
    default void rowSparseGemmMasked(RowSparsity s, int k, float[] a, int aOff, int lda,
                                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        rowSparseGemm(s, k, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        for (int g = 0; g < s.groups(); g++) {
            for (int r = s.rowStart(g); r < s.rowEnd(g); r++) {
                int x = s.indexStart(g);
                for (int j = 0; j < k; j++) {
                    if (x < s.indexEnd(g) && s.index(x) == j) {
                        x++;
                    } else {
                        c[cOff + r * ldc + j] = 0f;
                    }
                }
            }
        }
    }

    /**
     * {@code C = A^T B} (or {@code C +=} when {@code accumulate}) with A as in
     * {@link #rowSparseGemm} and B {@code s.rows() x n}: C is {@code k x n}. The bits of
     * {@code gemm(true, false, k, n, s.rows(), a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc)}.
     */
    default void rowSparseGemmTransA(RowSparsity s, int n, int k, float[] a, int aOff, int lda,
                                     float[] b, int bOff, int ldb, boolean accumulate, float[] c, int cOff, int ldc) {
        gemm(true, false, k, n, s.rows(), a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
    }

    /**
     * {@code C = sum over groups of A_g^T A_g} (or {@code C +=}, C symmetric on entry), with A as
     * in {@link #rowSparseGemm} and A_g a group's rows: k x k. Unlike the dense {@link #gram}, each
     * group's sums start from zero and are added to C group by group, in order, so that only
     * the support x support block of each group is touched; every implementation gives these
     * bits, whatever the thread count.
     */
    default void rowSparseGram(RowSparsity s, int k, float[] a, int aOff, int lda, boolean accumulate,
                               float[] c, int cOff, int ldc) {
        if (!accumulate) {
            for (int i = 0; i < k; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + k, 0f);
            }
        }
        for (int g = 0; g < s.groups(); g++) {
            for (int x = s.indexStart(g); x < s.indexEnd(g); x++) {
                int p = s.index(x);
                for (int y = x; y < s.indexEnd(g); y++) {
                    int q = s.index(y);
                    float sum = 0f;
                    for (int r = s.rowStart(g); r < s.rowEnd(g); r++) {
                        sum = Math.fma(a[aOff + r * lda + p], a[aOff + r * lda + q], sum);
                    }
                    c[cOff + p * ldc + q] += sum;
                }
            }
        }
        ScalarKernels.mirrorUpper(k, c, cOff, ldc);
    }

    /** In place: {@code z[r][j] = act(z[r][j] + bias[biasOff + j])} for a rows x cols block. */
    void biasActivation(Activation act, float[] z, int rows, int cols, float[] bias, int biasOff);

    /** In place: {@code grad[i] *= act'(y[i])} where y is the activation's output. */
    void activationBackward(Activation act, float[] y, float[] grad, int n);

    /** {@code out[outOff + j] (+)= sum over r of a[r][j]}, summed in row order. */
    void columnSums(float[] a, int rows, int cols, float[] out, int outOff, boolean accumulate);

    // ---- images (NCHW: rows are images, each channels x height x width) ----
    // The defaults are serial reference loops, so another backend compiles without them.

    /**
     * Unfolds convolution patches of {@code batch} images: row {@code b * P + y * outWidth + x} of
     * {@code cols} (P = {@link ConvGeometry#positions()}, rows {@link ConvGeometry#patchSize()}
     * long) holds at column {@code (c * kernel + kh) * kernel + kw} the pixel
     * {@code image[b][c][y * stride - padding + kh][x * stride - padding + kw]}, or 0 where that
     * lies in the padding.
     */
    default void im2col(ConvGeometry g, float[] image, int batch, float[] cols) {
        ImageOps.im2col(g, image, cols, 0, batch);
    }

    /**
     * The adjoint of {@link #im2col}: every pixel of {@code image} is set to (or, when
     * {@code accumulate}, increased by) the sum of the {@code cols} entries unfolded from it.
     */
    default void col2im(ConvGeometry g, float[] cols, int batch, float[] image, boolean accumulate) {
        ImageOps.col2im(g, cols, image, accumulate, 0, batch);
    }

    /**
     * {@code dst[m] = src[m]^T} (or {@code +=} when {@code accumulate}) for {@code count}
     * consecutive row-major {@code rows x cols} matrices: NHWC to NCHW and back.
     */
    default void transposeEach(float[] src, int count, int rows, int cols, float[] dst, boolean accumulate) {
        ImageOps.transposeEach(src, rows, cols, dst, accumulate, 0, count);
    }

    /** In place over an NCHW batch: {@code z[b][c][i] = act(z[b][c][i] + bias[biasOff + c])}. */
    default void channelBiasActivation(Activation act, float[] z, int batch, int channels, int plane,
                                       float[] bias, int biasOff) {
        ImageOps.channelBiasActivation(act, z, channels, plane, bias, biasOff, 0, batch * channels);
    }

    /**
     * {@code out[outOff + c] (+)= sum over b and i of g[b][c][i]} over an NCHW batch, each
     * channel in a fixed order (planes in image order).
     */
    default void channelSums(float[] g, int batch, int channels, int plane, float[] out, int outOff, boolean accumulate) {
        ImageOps.channelSums(g, batch, channels, plane, out, outOff, accumulate, 0, channels);
    }

    /**
     * Mean loss over {@code n} elements and, when {@code grad} is not null, its gradient with
     * respect to {@code y}, times {@code gradScale}.
     */
    double loss(LossKind kind, float[] y, float[] target, int n, float[] grad, float gradScale);

    /**
     * Gradient of the mean loss with respect to the pre-activation of a sigmoid output layer,
     * fused and numerically stable for BCE ({@code (y - t)/n}); returns the mean loss.
     */
    double sigmoidOutputLoss(LossKind kind, float[] y, float[] target, int n, float[] gradZ, float gradScale);

    /**
     * One bias-corrected Adam update over {@code [off, off+len)} (PyTorch's formulation). The
     * gradients it consumed are left zeroed, ready for the next step's accumulation.
     */
    void adam(float[] params, float[] grads, float[] m, float[] v, int off, int len,
              float lr, float beta1, float beta2, float eps, int step);

    /**
     * Standard normal numbers into {@code out[off .. off+n)}, a pure function of
     * {@code (seed, index)} so that the result does not depend on threads.
     */
    void gaussian(long seed, float[] out, int off, int n);

    /** Uniform numbers in [0,1) into {@code out[off .. off+n)}, a pure function of (seed, index). */
    void uniform(long seed, float[] out, int off, int n);

    @Override
    void close();
}
