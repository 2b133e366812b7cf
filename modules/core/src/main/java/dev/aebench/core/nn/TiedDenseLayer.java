package dev.aebench.core.nn;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;

/**
 * A decoder layer that reuses an encoder layer's weights transposed, {@code y = act(h W^T + c)},
 * with its own bias. Its weight gradient is added to the encoder's slice of the arena.
 */
public final class TiedDenseLayer extends ArenaLayer {
    public TiedDenseLayer(Kernels kernels, DenseLayer partner, Activation activation, int maxRows) {
        super(kernels, partner.arena(), activation, partner.outputSize(), partner.inputSize(), partner.weightOffset(),
                partner.arena().reserve(partner.inputSize()), maxRows);
    }

    /** The bias uniform in +-1/sqrt(fan_in) (the weights are the partner's). */
    public void initUniform(long seed) {
        initUniform(seed, in, biasOffset, out);
    }

    @Override
    public void forward(float[] input, int rows) {
        float[] p = arena.params();
        // W is out x in here (the partner's input x output); y = h W^T
        kernels.gemm(false, true, rows, out, in, input, 0, in, p, weightOffset, in, false, output, 0, out);
        kernels.biasActivation(activation, output, rows, out, p, biasOffset);
    }

    @Override
    public void backwardFromPreActivation(float[] input, int rows, float[] gradInput, boolean accumulateInput) {
        float[] g = arena.grads();
        // dW (out x in) += dY^T h
        kernels.gemm(true, false, out, in, rows, gradOutput, 0, out, input, 0, in, true, g, weightOffset, in);
        kernels.columnSums(gradOutput, rows, out, g, biasOffset, true);
        if (gradInput != null) {
            kernels.gemm(false, false, rows, in, out, gradOutput, 0, out, arena.params(),
                    weightOffset, in, accumulateInput, gradInput, 0, in);
        }
    }

    @Override
    public int parameterCount() {
        return out;
    }
}
