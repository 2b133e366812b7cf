package dev.aebench.core.nn;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;

/**
 * A decoder layer that reuses an encoder layer's weights transposed, {@code y = act(h W^T + c)},
 * with its own bias. Its weight gradient is added to the encoder's slice of the arena.
 */
public final class TiedDenseLayer implements Layer {
    private final Kernels kernels;
    private final DenseLayer partner;
    private final int in;
    private final int out;
    private final Activation activation;
    private final int biasOffset;
    private final float[] output;
    private final float[] gradOutput;

    public TiedDenseLayer(Kernels kernels, DenseLayer partner, Activation activation, int maxRows) {
        this.kernels = kernels;
        this.partner = partner;
        this.in = partner.outputSize();
        this.out = partner.inputSize();
        this.activation = activation;
        this.biasOffset = partner.arena().reserve(out);
        this.output = new float[maxRows * out];
        this.gradOutput = new float[maxRows * out];
    }

    public void initUniform(long seed) {
        float bound = (float) (1.0 / Math.sqrt(in));
        float[] p = partner.arena().params();
        for (int i = 0; i < out; i++) {
            p[biasOffset + i] = (2f * CounterRandom.uniform(seed, i) - 1f) * bound;
        }
    }

    @Override
    public void forward(float[] input, int rows) {
        float[] p = partner.arena().params();
        // W is out x in here (the partner's input x output); y = h W^T
        kernels.gemm(false, true, rows, out, in, input, 0, in, p, partner.weightOffset(), in, false, output, 0, out);
        kernels.biasActivation(activation, output, rows, out, p, biasOffset);
    }

    @Override
    public void backward(float[] input, int rows, float[] gradInput, boolean accumulateInput) {
        kernels.activationBackward(activation, output, gradOutput, rows * out);
        backwardFromPreActivation(input, rows, gradInput, accumulateInput);
    }

    @Override
    public void backwardFromPreActivation(float[] input, int rows, float[] gradInput, boolean accumulateInput) {
        float[] g = partner.arena().grads();
        // dW (out x in) += dY^T h
        kernels.gemm(true, false, out, in, rows, gradOutput, 0, out, input, 0, in, true, g, partner.weightOffset(), in);
        kernels.columnSums(gradOutput, rows, out, g, biasOffset, true);
        if (gradInput != null) {
            kernels.gemm(false, false, rows, in, out, gradOutput, 0, out, partner.arena().params(),
                    partner.weightOffset(), in, accumulateInput, gradInput, 0, in);
        }
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    @Override
    public float[] output() {
        return output;
    }

    @Override
    public float[] gradOutput() {
        return gradOutput;
    }

    @Override
    public int parameterCount() {
        return out;
    }
}
