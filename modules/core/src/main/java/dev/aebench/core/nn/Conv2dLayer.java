package dev.aebench.core.nn;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ConvGeometry;
import dev.aebench.core.kernel.Kernels;

/**
 * A 2-D convolution {@code y = act(conv(x, W) + b)} over NCHW rows (one image per row). The
 * forward pass unfolds every output position's patch into a row ({@link Kernels#im2col}), so the
 * convolution of the whole batch is one GEMM with the patches as the long dimension:
 * {@code Y[positions x out] = patches[positions x (in k k)] W}. W is stored patch-major,
 * {@code (in k k) x out}, like the dense layer's input-major W (PyTorch's {@code [out, in, k, k]}
 * transposed; row {@code (c k + kh) k + kw} at {@link #weightOffset()}). The result is
 * channels-last and is transposed into the NCHW output; the backward
 * pass does the reverse and folds the patch gradients back ({@link Kernels#col2im}).
 *
 * <p>All buffers are sized for {@code maxRows} images when the layer is built. The backward pass
 * reads the patches unfolded by the last forward pass, which must have been on the same input.
 */
public final class Conv2dLayer extends ArenaLayer {
    private final ConvGeometry geometry;
    private final int outChannels;
    private final int maxRows;
    private final float[] patches;
    private final float[] channelsLast;
    private final float[] gradPatches;

    public Conv2dLayer(Kernels kernels, ParameterArena arena, ConvGeometry input, int outChannels,
                       Activation activation, int maxRows) {
        super(kernels, arena, activation, input.imageSize(), outChannels * input.positions(),
                arena.reserve(Math.multiplyExact(input.patchSize(), checked(input, outChannels, maxRows))),
                arena.reserve(outChannels), maxRows);
        this.geometry = input;
        this.outChannels = outChannels;
        this.maxRows = maxRows;
        int positions = Math.multiplyExact(maxRows, input.positions());
        this.patches = new float[Math.multiplyExact(positions, input.patchSize())];
        this.gradPatches = new float[patches.length];
        this.channelsLast = new float[output.length];
    }

    /** {@code outChannels}, once checked together with {@code maxRows}. */
    private static int checked(ConvGeometry input, int outChannels, int maxRows) {
        if (outChannels < 1) {
            throw new IllegalArgumentException("Conv2d " + input + ": expected at least 1 output channel, found " + outChannels);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("Conv2d " + input + ": expected maxRows >= 1, found " + maxRows);
        }
        return outChannels;
    }

    /** PyTorch's default: weights and biases uniform in +-1/sqrt(fan_in), fan_in = in k k. */
    public void initUniform(long seed) {
        initUniform(seed, geometry.patchSize(), weightOffset, parameterCount());
    }

    @Override
    public void forward(float[] input, int rows) {
        LayerChecks.rows("Conv2d", rows, maxRows, input, inputSize());
        int positions = rows * geometry.positions();
        int patch = geometry.patchSize();
        kernels.im2col(geometry, input, rows, patches);
        kernels.gemm(false, false, positions, outChannels, patch, patches, 0, patch, arena.params(), weightOffset,
                outChannels, false, channelsLast, 0, outChannels);
        kernels.biasActivation(activation, channelsLast, positions, outChannels, arena.params(), biasOffset);
        kernels.transposeEach(channelsLast, rows, geometry.positions(), outChannels, output, false);
    }

    @Override
    public void backwardFromPreActivation(float[] input, int rows, float[] gradInput, boolean accumulateInput) {
        int positions = rows * geometry.positions();
        int patch = geometry.patchSize();
        float[] g = arena.grads();
        kernels.transposeEach(gradOutput, rows, outChannels, geometry.positions(), channelsLast, false);
        kernels.gemm(true, false, patch, outChannels, positions, patches, 0, patch, channelsLast, 0, outChannels,
                true, g, weightOffset, outChannels);
        kernels.columnSums(channelsLast, positions, outChannels, g, biasOffset, true);
        if (gradInput != null) {
            kernels.gemm(false, true, positions, patch, outChannels, channelsLast, 0, outChannels, arena.params(),
                    weightOffset, outChannels, false, gradPatches, 0, patch);
            kernels.col2im(geometry, gradPatches, rows, gradInput, accumulateInput);
        }
    }

    @Override
    public int parameterCount() {
        return geometry.patchSize() * outChannels + outChannels;
    }

    public ConvGeometry geometry() {
        return geometry;
    }

    public int outChannels() {
        return outChannels;
    }

    public int outHeight() {
        return geometry.outHeight();
    }

    public int outWidth() {
        return geometry.outWidth();
    }
}
