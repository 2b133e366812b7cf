package dev.aebench.core.nn;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ConvGeometry;
import dev.aebench.core.kernel.Kernels;

/**
 * A transposed 2-D convolution (PyTorch's {@code ConvTranspose2d}) over NCHW rows: the adjoint of
 * a convolution with the same kernel, stride and padding, so each input pixel spreads a
 * {@code out x k x k} patch onto an output of side {@code (in - 1) stride - 2 padding + k +
 * outputPadding}. The forward pass is one GEMM from channels-last input to patches,
 * {@code patches[positions x (out k k)] = X[positions x in] W}, then a fold
 * ({@link Kernels#col2im}); W is stored {@code in x (out k k)} from {@link #weightOffset()}, exactly
 * PyTorch's {@code [in, out, k, k]}. The backward pass unfolds the output gradient ({@link Kernels#im2col})
 * and runs the two matching GEMMs.
 *
 * <p>All buffers are sized for {@code maxRows} images when the layer is built. The backward pass
 * reads the channels-last copy of the input made by the last forward pass, which must have been
 * on the same input.
 */
public final class ConvTranspose2dLayer extends ArenaLayer {
    private final int inChannels;
    private final int inHeight;
    private final int inWidth;
    private final ConvGeometry outputGeometry;
    private final int outputPadding;
    private final int maxRows;
    private final float[] inputChannelsLast;
    private final float[] patches;
    private final float[] gradChannelsLast;

    public ConvTranspose2dLayer(Kernels kernels, ParameterArena arena, int inChannels, int inHeight, int inWidth,
                                int outChannels, int kernel, int stride, int padding, int outputPadding,
                                Activation activation, int maxRows) {
        this(kernels, arena, inChannels, inHeight, inWidth,
                outputGeometry(inChannels, inHeight, inWidth, outChannels, kernel, stride, padding, outputPadding, maxRows),
                outputPadding, activation, maxRows);
    }

    private ConvTranspose2dLayer(Kernels kernels, ParameterArena arena, int inChannels, int inHeight, int inWidth,
                                 ConvGeometry outputGeometry, int outputPadding, Activation activation, int maxRows) {
        super(kernels, arena, activation, inChannels * inHeight * inWidth, outputGeometry.imageSize(),
                arena.reserve(Math.multiplyExact(inChannels, outputGeometry.patchSize())),
                arena.reserve(outputGeometry.channels()), maxRows);
        this.outputGeometry = outputGeometry;
        this.inChannels = inChannels;
        this.inHeight = inHeight;
        this.inWidth = inWidth;
        this.outputPadding = outputPadding;
        this.maxRows = maxRows;
        int positions = Math.multiplyExact(maxRows, inHeight * inWidth);
        this.inputChannelsLast = new float[Math.multiplyExact(positions, inChannels)];
        this.gradChannelsLast = new float[inputChannelsLast.length];
        this.patches = new float[Math.multiplyExact(positions, outputGeometry.patchSize())];
    }

    /** The convolution over the output planes that this layer is the adjoint of, once the arguments are checked. */
    private static ConvGeometry outputGeometry(int inChannels, int inHeight, int inWidth, int outChannels, int kernel,
                                               int stride, int padding, int outputPadding, int maxRows) {
        String what = "ConvTranspose2d " + inChannels + "x" + inHeight + "x" + inWidth + " -> " + outChannels
                + " k" + kernel + " s" + stride + " p" + padding + " op" + outputPadding;
        if (inChannels < 1 || inHeight < 1 || inWidth < 1 || outChannels < 1) {
            throw new IllegalArgumentException(what + ": expected positive channels and input size");
        }
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException(what + ": expected kernel >= 1, stride >= 1 and padding >= 0");
        }
        if (outputPadding < 0 || outputPadding >= stride) {
            throw new IllegalArgumentException(what + ": expected output padding in [0, stride), found " + outputPadding);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException(what + ": expected maxRows >= 1, found " + maxRows);
        }
        int outHeight = (inHeight - 1) * stride - 2 * padding + kernel + outputPadding;
        int outWidth = (inWidth - 1) * stride - 2 * padding + kernel + outputPadding;
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException(what + ": expected a non-empty output, found "
                    + outHeight + "x" + outWidth + " (padding too large)");
        }
        ConvGeometry outputGeometry = new ConvGeometry(outChannels, outHeight, outWidth, kernel, stride, padding);
        if (outputGeometry.outHeight() != inHeight || outputGeometry.outWidth() != inWidth) {
            throw new IllegalStateException(what + ": output " + outHeight + "x" + outWidth + " does not fold back to "
                    + inHeight + "x" + inWidth);
        }
        return outputGeometry;
    }

    /**
     * PyTorch's default: weights and biases uniform in +-1/sqrt(fan_in), where PyTorch takes
     * fan_in from the weight's second dimension, {@code out k k}.
     */
    public void initUniform(long seed) {
        initUniform(seed, outputGeometry.patchSize(), weightOffset, parameterCount());
    }

    @Override
    public void forward(float[] input, int rows) {
        LayerChecks.rows("ConvTranspose2d", rows, maxRows, input, inputSize());
        int positions = rows * inHeight * inWidth;
        int patch = outputGeometry.patchSize();
        kernels.transposeEach(input, rows, inChannels, inHeight * inWidth, inputChannelsLast, false);
        kernels.gemm(false, false, positions, patch, inChannels, inputChannelsLast, 0, inChannels, arena.params(),
                weightOffset, patch, false, patches, 0, patch);
        kernels.col2im(outputGeometry, patches, rows, output, false);
        kernels.channelBiasActivation(activation, output, rows, outChannels(), outputGeometry.height() * outputGeometry.width(),
                arena.params(), biasOffset);
    }

    @Override
    public void backwardFromPreActivation(float[] input, int rows, float[] gradInput, boolean accumulateInput) {
        int positions = rows * inHeight * inWidth;
        int patch = outputGeometry.patchSize();
        float[] g = arena.grads();
        kernels.channelSums(gradOutput, rows, outChannels(), outputGeometry.height() * outputGeometry.width(),
                g, biasOffset, true);
        kernels.im2col(outputGeometry, gradOutput, rows, patches);
        kernels.gemm(true, false, inChannels, patch, positions, inputChannelsLast, 0, inChannels, patches, 0, patch,
                true, g, weightOffset, patch);
        if (gradInput != null) {
            kernels.gemm(false, true, positions, inChannels, patch, patches, 0, patch, arena.params(), weightOffset,
                    patch, false, gradChannelsLast, 0, inChannels);
            kernels.transposeEach(gradChannelsLast, rows, inHeight * inWidth, inChannels, gradInput, accumulateInput);
        }
    }

    @Override
    public int parameterCount() {
        return inChannels * outputGeometry.patchSize() + outChannels();
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outputGeometry.channels();
    }

    public int outHeight() {
        return outputGeometry.height();
    }

    public int outWidth() {
        return outputGeometry.width();
    }

    public int outputPadding() {
        return outputPadding;
    }

    /** The convolution this layer is the adjoint of, over the output planes. */
    public ConvGeometry outputGeometry() {
        return outputGeometry;
    }
}
