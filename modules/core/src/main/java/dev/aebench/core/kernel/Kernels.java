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
