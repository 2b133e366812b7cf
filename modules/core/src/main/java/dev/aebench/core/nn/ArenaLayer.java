package dev.aebench.core.nn;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;

/**
 * What the parameterised layers share: a weight matrix and a bias in a {@link ParameterArena},
 * an activation, and output and output-gradient buffers sized for the largest batch. Its
 * {@link #backward} applies the activation's derivative and hands over to
 * {@link #backwardFromPreActivation}, which each layer implements with its own products.
 */
public abstract class ArenaLayer implements Layer {
    protected final Kernels kernels;
    protected final ParameterArena arena;
    protected final Activation activation;
    /** Columns of the input and of the output (an NCHW image flattened). */
    protected final int in;
    protected final int out;
    protected final int weightOffset;
    protected final int biasOffset;
    protected final float[] output;
    protected final float[] gradOutput;

    /**
     * @param in           columns of the input
     * @param out          columns of the output
     * @param weightOffset where W starts in the arena (reserved by the caller, or borrowed)
     * @param biasOffset   where the bias starts in the arena
     * @param maxRows      the largest batch the buffers hold
     */
    protected ArenaLayer(Kernels kernels, ParameterArena arena, Activation activation, int in, int out,
                         int weightOffset, int biasOffset, int maxRows) {
        this.kernels = kernels;
        this.arena = arena;
        this.activation = activation;
        this.in = in;
        this.out = out;
        this.weightOffset = weightOffset;
        this.biasOffset = biasOffset;
        this.output = new float[Math.multiplyExact(maxRows, out)];
        this.gradOutput = new float[output.length];
    }

    /**
     * PyTorch's default initialisation for the {@code count} parameters from {@code from}:
     * uniform in +-1/sqrt(fanIn), the i-th drawn from {@code (seed, i)}.
     */
    protected final void initUniform(long seed, int fanIn, int from, int count) {
        float bound = (float) (1.0 / Math.sqrt(fanIn));
        float[] p = arena.params();
        for (int i = 0; i < count; i++) {
            p[from + i] = (2f * CounterRandom.uniform(seed, i) - 1f) * bound;
        }
    }

    @Override
    public final void backward(float[] input, int rows, float[] gradInput, boolean accumulateInput) {
        kernels.activationBackward(activation, output, gradOutput, rows * out);
        backwardFromPreActivation(input, rows, gradInput, accumulateInput);
    }

    @Override
    public final int inputSize() {
        return in;
    }

    @Override
    public final int outputSize() {
        return out;
    }

    @Override
    public final float[] output() {
        return output;
    }

    @Override
    public final float[] gradOutput() {
        return gradOutput;
    }

    public final Activation activation() {
        return activation;
    }

    public final ParameterArena arena() {
        return arena;
    }

    /** Offset of W in the arena (its layout is the layer's own). */
    public final int weightOffset() {
        return weightOffset;
    }

    public final int biasOffset() {
        return biasOffset;
    }
}
