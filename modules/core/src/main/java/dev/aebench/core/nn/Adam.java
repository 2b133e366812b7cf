package dev.aebench.core.nn;

import dev.aebench.core.kernel.Kernels;

/** Adam over a whole {@link ParameterArena} in one fused pass, counting its own steps. */
public final class Adam {
    private final AdamOptions options;
    private int step;

    public Adam(AdamOptions options) {
        this.options = options;
    }

    public void step(Kernels kernels, ParameterArena arena) {
        step++;
        kernels.adam(arena.params(), arena.grads(), arena.firstMoment(), arena.secondMoment(), 0, arena.size(),
                options.learningRate(), options.beta1(), options.beta2(), options.epsilon(), step);
    }

    public int steps() {
        return step;
    }

    /** Continues a run that had taken {@code steps} steps (its moments restored into the arena). */
    public void resumeAt(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, was " + steps);
        }
        step = steps;
    }
}
