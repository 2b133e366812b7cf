package dev.aebench.core.nn;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;

/**
 * A fully connected layer {@code y = act(x W + b)} with W stored input-major
 * ({@code inputSize x outputSize}) in the arena, so the forward pass is an NN GEMM, the weight
 * gradient a TN GEMM and the input gradient an NT GEMM.
 */
public final class DenseLayer implements Layer {
    private final Kernels kernels;
    private final ParameterArena arena;
    private final int in;
    private final int out;
    private final Activation activation;
    private final int weightOffset;
    private final int biasOffset;
    private final float[] output;
    private final float[] gradOutput;

    public DenseLayer(Kernels kernels, ParameterArena arena, int in, int out, Activation activation, int maxRows) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("dense layer sizes must be positive: " + in + " -> " + out);
        }
        this.kernels = kernels;
        this.arena = arena;
        this.in = in;
        this.out = out;
        this.activation = activation;
        this.weightOffset = arena.reserve(in * out);
        this.biasOffset = arena.reserve(out);
        this.output = new float[maxRows * out];
        this.gradOutput = new float[maxRows * out];
    }

    /** PyTorch's default for Linear: weights and biases uniform in +-1/sqrt(fan_in). */
    public void initUniform(long seed) {
        float bound = (float) (1.0 / Math.sqrt(in));
        float[] p = arena.params();
        for (int i = 0; i < in * out + out; i++) {
            p[weightOffset + i] = (2f * CounterRandom.uniform(seed, i) - 1f) * bound;
        }
    }

    @Override
    public void forward(float[] input, int rows) {
        kernels.gemm(false, false, rows, out, in, input, 0, in, arena.params(), weightOffset, out, false, output, 0, out);
        kernels.biasActivation(activation, output, rows, out, arena.params(), biasOffset);
    }

    @Override
    public void backward(float[] input, int rows, float[] gradInput, boolean accumulateInput) {
        kernels.activationBackward(activation, output, gradOutput, rows * out);
        backwardFromPreActivation(input, rows, gradInput, accumulateInput);
    }

    @Override
    public void backwardFromPreActivation(float[] input, int rows, float[] gradInput, boolean accumulateInput) {
        float[] g = arena.grads();
        kernels.gemm(true, false, in, out, rows, input, 0, in, gradOutput, 0, out, true, g, weightOffset, out);
        kernels.columnSums(gradOutput, rows, out, g, biasOffset, true);
        if (gradInput != null) {
            kernels.gemm(false, true, rows, in, out, gradOutput, 0, out, arena.params(), weightOffset, out,
                    accumulateInput, gradInput, 0, in);
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
        return in * out + out;
    }

    public Activation activation() {
        return activation;
    }

    public ParameterArena arena() {
        return arena;
    }

    /** Offset of W (inputSize x outputSize, row-major) in the arena. */
    public int weightOffset() {
        return weightOffset;
    }

    public int biasOffset() {
        return biasOffset;
    }
}
