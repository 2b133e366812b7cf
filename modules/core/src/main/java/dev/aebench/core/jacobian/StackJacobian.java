package dev.aebench.core.jacobian;

import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.nn.ParameterArena;

import java.util.Arrays;

/**
 * The exact Jacobians of any {@link LayerStack} (convolutions included) by vector-Jacobian
 * products: for one input, a batch of copies of it goes forward, the gradient of copy j is the
 * unit vector of code unit j, and the stack's backward pass leaves row j of the Jacobian as the
 * gradient with respect to the input. The code is the stack's first {@code units} outputs (a VAE's
 * mean head is half of its last layer). Code units go in blocks of at most {@code maxRows}. The
 * parameter gradients the backward passes add are undone: the arena's gradients are restored.
 */
public final class StackJacobian {
    private final LayerStack stack;
    private final ParameterArena arena;
    private final int units;
    private final int block;
    private final float[] copies;
    private final float[] gradInput;
    private final float[] savedGrads;

    /**
     * A stack whose buffers hold at least {@code maxRows} rows, with its parameters in
     * {@code arena}, differentiated in its first {@code units} outputs.
     */
    public StackJacobian(LayerStack stack, ParameterArena arena, int maxRows, int units) {
        if (units < 1 || units > stack.outputSize()) {
            throw new IllegalArgumentException("code units: 1.." + stack.outputSize() + ", found " + units);
        }
        this.stack = stack;
        this.arena = arena;
        this.units = units;
        this.block = Math.min(maxRows, units);
        this.copies = new float[block * stack.inputSize()];
        this.gradInput = new float[block * stack.inputSize()];
        this.savedGrads = new float[arena.size()];
    }

    /** Jacobians at {@code rows} rows of {@code x}, laid out as {@link DifferentiableEncoder#jacobians}. */
    public void jacobians(float[] x, int rows, float[] out) {
        int in = stack.inputSize();
        int code = units;
        int width = stack.outputSize();
        System.arraycopy(arena.grads(), 0, savedGrads, 0, savedGrads.length);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < block; j++) {
                System.arraycopy(x, r * in, copies, j * in, in);
            }
            for (int from = 0; from < code; from += block) {
                int n = Math.min(block, code - from);
                stack.forward(copies, n);
                float[] g = stack.gradOutput();
                Arrays.fill(g, 0, n * width, 0f);
                for (int j = 0; j < n; j++) {
                    g[j * width + from + j] = 1f;
                }
                stack.backward(copies, n, gradInput, false, false);
                System.arraycopy(gradInput, 0, out, (r * code + from) * in, n * in);
            }
        }
        System.arraycopy(savedGrads, 0, arena.grads(), 0, savedGrads.length);
    }
}
