package dev.aebench.core.model;

import dev.aebench.core.kernel.Kernels;

/** What a family needs from its surroundings to build a model: the input shape, a seed and kernels. */
public record ModelContext(int height, int width, long seed, Kernels kernels) {
    public ModelContext {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + height + "x" + width);
        }
    }

    public int inputDim() {
        return height * width;
    }
}
