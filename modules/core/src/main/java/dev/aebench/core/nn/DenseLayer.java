package dev.aebench.core.nn;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;

/**
 * A fully connected layer {@code y = act(x W + b)} with W stored input-major
 * ({@code inputSize x outputSize}) in the arena, so the forward pass is an NN GEMM, the weight
 * gradient a TN GEMM and the input gradient an NT GEMM. W (inputSize x outputSize, row-major) starts
 * at {@link #weightOffset()}.
 */
public final class DenseLayer extends ArenaLayer {
    public DenseLayer(Kernels kernels, ParameterArena arena, int in, int out, Activation activation, int maxRows) {
        super(kernels, arena, activation, in, out, arena.reserve(checkedWeights(in, out)), arena.reserve(out), maxRows);
    }

    private static int checkedWeights(int in, int out) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("dense layer sizes must be positive: " + in + " -> " + out);
        }
        return in * out;
    }

    /** PyTorch's default for Linear: weights and biases uniform in +-1/sqrt(fan_in). */
    public void initUniform(long seed) {
        initUniform(seed, in, weightOffset, in * out + out);
    }

    @Override
    public void forward(float[] input, int rows) {
        kernels.gemm(false, false, rows, out, in, input, 0, in, arena.params(), weightOffset, out, false, output, 0, out);
        kernels.biasActivation(activation, output, rows, out, arena.params(), biasOffset);
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
    public int parameterCount() {
        return in * out + out;
    }
}
