package dev.aebench.core.nn;

/**
 * A differentiable map from {@code inputSize} to {@code outputSize} columns over a batch of rows,
 * with its output and output-gradient buffers preallocated for the largest batch.
 */
public interface Layer {
    int inputSize();

    int outputSize();

    /** Computes {@link #output()} for the first {@code rows} rows of {@code input}. */
    void forward(float[] input, int rows);

    /** The activations of the last forward pass, rows x outputSize. */
    float[] output();

    /** dLoss/dOutput; callers write or add to it before {@link #backward}. */
    float[] gradOutput();

    /**
     * Adds parameter gradients to the arena from {@link #gradOutput()} (which it may overwrite)
     * and, when {@code gradInput} is not null, writes or adds dLoss/dInput there.
     */
    void backward(float[] input, int rows, float[] gradInput, boolean accumulateInput);

    /**
     * As {@link #backward}, for when {@link #gradOutput()} already holds the gradient with respect
     * to the pre-activation (a fused output loss).
     */
    void backwardFromPreActivation(float[] input, int rows, float[] gradInput, boolean accumulateInput);

    /** Parameters this layer owns in the arena (0 for a layer that borrows weights). */
    int parameterCount();
}
