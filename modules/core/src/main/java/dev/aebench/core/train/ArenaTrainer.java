package dev.aebench.core.train;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.Adam;
import dev.aebench.core.nn.AdamOptions;
import dev.aebench.core.nn.ParameterArena;

/**
 * The optimisation bookkeeping every arena-based model shares: Adam over the whole arena, and
 * knowing whether the arena's gradients must be zeroed before the next forward-backward (Adam
 * leaves them zeroed; a gradient check calling forward-backward twice does not).
 */
public final class ArenaTrainer {
    private final Kernels kernels;
    private final ParameterArena arena;
    private final Runnable afterUpdate;
    private Adam adam;
    private boolean gradientsPending;

    public ArenaTrainer(Kernels kernels, ParameterArena arena) {
        this(kernels, arena, () -> { });
    }

    /**
     * @param afterUpdate run after every Adam step: a model's projection of its parameters back
     *                    onto their constraint set (unit-norm dictionary atoms, say)
     */
    public ArenaTrainer(Kernels kernels, ParameterArena arena, Runnable afterUpdate) {
        this.kernels = kernels;
        this.arena = arena;
        this.afterUpdate = afterUpdate;
    }

    /** Trains with a fresh Adam through {@link MiniBatchLoop}; checks the data's row width first. */
    public FitReport fit(Dataset train, int inputDim, int epochs, int batch, float learningRate, long seed,
                         BatchStep forwardBackward, EpochListener listener) {
        if (train.dim() != inputDim) {
            throw new IllegalArgumentException("model expects " + inputDim + " inputs, data has " + train.dim());
        }
        adam = new Adam(AdamOptions.defaults(learningRate));
        return MiniBatchLoop.run(train, epochs, batch, CounterRandom.derive(seed, 99), (x, rows, stepSeed) -> {
            double objective = forwardBackward.step(x, rows, stepSeed);
            update();
            return objective;
        }, listener);
    }

    /**
     * As {@link #fit}, for a classifier: each batch comes with its labels
     * ({@link MiniBatchLoop#runLabelled}).
     */
    public FitReport fitLabelled(Dataset train, int inputDim, int epochs, int batch, float learningRate, long seed,
                                 LabelledBatchStep forwardBackward, EpochListener listener) {
        if (train.dim() != inputDim) {
            throw new IllegalArgumentException("model expects " + inputDim + " inputs, data has " + train.dim());
        }
        adam = new Adam(AdamOptions.defaults(learningRate));
        return MiniBatchLoop.runLabelled(train, epochs, batch, CounterRandom.derive(seed, 99),
                (x, labels, rows, stepSeed) -> {
                    double objective = forwardBackward.step(x, labels, rows, stepSeed);
                    update();
                    return objective;
                }, listener);
    }

    /** Call at the start of a forward-backward: zeroes gradients left by a previous one. */
    public void beginGradients() {
        if (gradientsPending) {
            arena.zeroGrads();
        }
        gradientsPending = true;
    }

    /** One Adam step (which also zeroes the gradients it consumed), then the after-update hook. */
    public void update() {
        if (adam == null) {
            throw new IllegalStateException("update() before fit()");
        }
        adam.step(kernels, arena);
        gradientsPending = false;
        afterUpdate.run();
    }
}
