package dev.aebench.core.train;

import dev.aebench.core.checkpoint.Checkpointing;
import dev.aebench.core.checkpoint.TrainingProgress;
import dev.aebench.core.checkpoint.TrainingSnapshot;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.Adam;
import dev.aebench.core.nn.AdamOptions;
import dev.aebench.core.nn.ParameterArena;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
        return fit(train, inputDim, epochs, batch, learningRate, seed, forwardBackward, listener, Checkpointing.NONE,
                Map.of(), () -> { });
    }

    /**
     * As above, resuming from the snapshot {@code checkpoints} offers when it fits this arena and
     * {@code modelState} (the model's named state arrays besides its parameters, restored in
     * place, after which {@code restored} runs), and offering a snapshot at every epoch end.
     */
    public FitReport fit(Dataset train, int inputDim, int epochs, int batch, float learningRate, long seed,
                         BatchStep forwardBackward, EpochListener listener, Checkpointing checkpoints,
                         Map<String, float[]> modelState, Runnable restored) {
        if (train.dim() != inputDim) {
            throw new IllegalArgumentException("model expects " + inputDim + " inputs, data has " + train.dim());
        }
        adam = new Adam(AdamOptions.defaults(learningRate));
        TrainingProgress from = TrainingProgress.fresh();
        Optional<TrainingSnapshot> snapshot = checkpoints.resume();
        if (snapshot.isPresent()) {
            String misfit = misfit(snapshot.get(), modelState, epochs);
            if (misfit == null) {
                restore(snapshot.get(), modelState);
                restored.run();
                from = snapshot.get().progress();
            } else {
                checkpoints.rejected(misfit);
            }
        }
        if (from.epochsDone() == epochs) {
            return FitReport.of(new TrainingProgress(from.epochsDone(), from.steps(), from.epochLoss(),
                    from.epochSeconds(), from.coldEpochs(), from.attempts() + 1), epochs);
        }
        try {
            return MiniBatchLoop.run(train, epochs, batch, CounterRandom.derive(seed, 99), (x, rows, stepSeed) -> {
                double objective = forwardBackward.step(x, rows, stepSeed);
                update();
                return objective;
            }, listener, from, (total, progress) -> checkpoints.epochEnd(progress.epochsDone(), total,
                    () -> new TrainingSnapshot(progress, adam.steps(), arena.params(), arena.firstMoment(),
                            arena.secondMoment(), modelState)));
        } finally {
            checkpoints.trainingEnded();
        }
    }

    /** Why {@code s} cannot be restored into this arena and model state, or null when it can. */
    private String misfit(TrainingSnapshot s, Map<String, float[]> modelState, int epochs) {
        if (s.params().length != arena.size()) {
            return "expected " + arena.size() + " parameters, found " + s.params().length;
        }
        if (!s.modelState().keySet().equals(new TreeMap<>(modelState).keySet())) {
            return "expected model state " + new TreeMap<>(modelState).keySet() + ", found " + s.modelState().keySet();
        }
        for (Map.Entry<String, float[]> e : modelState.entrySet()) {
            if (s.modelState().get(e.getKey()).length != e.getValue().length) {
                return "expected " + e.getValue().length + " values of " + e.getKey() + ", found "
                        + s.modelState().get(e.getKey()).length;
            }
        }
        if (s.progress().epochsDone() > epochs) {
            return "expected at most " + epochs + " epochs done, found " + s.progress().epochsDone();
        }
        return null;
    }

    private void restore(TrainingSnapshot s, Map<String, float[]> modelState) {
        System.arraycopy(s.params(), 0, arena.params(), 0, arena.size());
        System.arraycopy(s.firstMoment(), 0, arena.firstMoment(), 0, arena.size());
        System.arraycopy(s.secondMoment(), 0, arena.secondMoment(), 0, arena.size());
        arena.zeroGrads();
        gradientsPending = false;
        adam.resumeAt(s.optimizerSteps());
        modelState.forEach((name, live) -> System.arraycopy(s.modelState().get(name), 0, live, 0, live.length));
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
