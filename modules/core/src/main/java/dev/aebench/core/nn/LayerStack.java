package dev.aebench.core.nn;

import java.util.List;

/**
 * Layers applied one after another, each one's output the next one's input (NCHW rows flatten
 * to exactly the vector a dense layer takes, so no reshape layer is needed). Backward runs from
 * the last layer's {@link Layer#gradOutput()} down to the stack's input.
 */
public final class LayerStack {
    private final List<Layer> layers;

    public LayerStack(List<? extends Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a layer stack needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            int given = layers.get(i - 1).outputSize();
            int taken = layers.get(i).inputSize();
            if (given != taken) {
                throw new IllegalArgumentException("layer " + (i + 1) + " expects " + taken + " inputs, found "
                        + given + " outputs from layer " + i);
            }
        }
        this.layers = List.copyOf(layers);
    }

    /** Runs every layer on the first {@code rows} rows; returns the last layer's output. */
    public float[] forward(float[] input, int rows) {
        float[] x = input;
        for (Layer l : layers) {
            l.forward(x, rows);
            x = l.output();
        }
        return x;
    }

    /**
     * Backward from the last layer's {@link Layer#gradOutput()}, which holds the gradient with
     * respect to its pre-activation when {@code lastFused}. Writes (or adds, when
     * {@code accumulateInput}) dLoss/dInput to {@code gradInput} unless it is null.
     */
    public void backward(float[] input, int rows, float[] gradInput, boolean accumulateInput, boolean lastFused) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            float[] below = i > 0 ? layers.get(i - 1).output() : input;
            float[] gradBelow = i > 0 ? layers.get(i - 1).gradOutput() : gradInput;
            boolean accumulate = i == 0 && accumulateInput;
            if (i == layers.size() - 1 && lastFused) {
                l.backwardFromPreActivation(below, rows, gradBelow, accumulate);
            } else {
                l.backward(below, rows, gradBelow, accumulate);
            }
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    public Layer last() {
        return layers.get(layers.size() - 1);
    }

    public float[] output() {
        return last().output();
    }

    public float[] gradOutput() {
        return last().gradOutput();
    }

    public int inputSize() {
        return layers.get(0).inputSize();
    }

    public int outputSize() {
        return last().outputSize();
    }

    public long parameterCount() {
        long n = 0;
        for (Layer l : layers) {
            n += l.parameterCount();
        }
        return n;
    }
}
