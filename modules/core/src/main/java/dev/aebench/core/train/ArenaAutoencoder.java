package dev.aebench.core.train;

import dev.aebench.core.checkpoint.Checkpointing;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.nn.ParameterArena;
import dev.aebench.core.objective.Corruption;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training plumbing every gradient-trained autoencoder shares: its parameters in one
 * {@link ParameterArena} trained by Adam through {@link ArenaTrainer}, the optional input
 * corruption, the step ({@code corrupt, forward-backward, update}), encoding and decoding in
 * chunks that fit the layer buffers, and the common test metrics. A model supplies only what
 * differs: its layers, {@link #lossAndGradients} (forward, loss and backward on one batch),
 * {@link #encode} and {@link #decode}.
 */
public abstract class ArenaAutoencoder implements Autoencoder {
    protected final Kernels kernels;
    protected final ParameterArena arena = new ParameterArena();
    protected final int inputDim;
    /** The largest batch the layer buffers hold; larger inputs are encoded in chunks. */
    protected final int maxRows;
    protected final long seed;
    private final int batch;
    private final float learningRate;
    private final Corruption corruption;
    private final float[] corrupted;
    private ArenaTrainer trainer;

    /**
     * @param corruption the input corruption, or null for none
     */
    protected ArenaAutoencoder(ModelContext context, int batch, float learningRate, int maxRows,
                               Corruption corruption) {
        this.kernels = context.kernels();
        this.inputDim = context.inputDim();
        this.seed = context.seed();
        this.batch = batch;
        this.learningRate = learningRate;
        this.maxRows = maxRows;
        this.corruption = corruption;
        this.corrupted = corruption == null ? null : new float[maxRows * inputDim];
    }

    /**
     * Forward, loss and backward on one batch: leaves the gradients of the returned objective in
     * the arena (zeroed beforehand).
     *
     * @param target the clean batch, the reconstruction target
     * @param input  the batch the encoder sees: {@code target}, or its corrupted copy
     */
    protected abstract double lossAndGradients(float[] target, float[] input, int rows, long stepSeed);

    @Override
    public FitReport fit(Dataset train, int epochs, EpochListener listener) {
        return fit(train, epochs, listener, Checkpointing.NONE);
    }

    /** Trains, resuming from and saving to {@code checkpoints}: parameters, Adam, counters and {@link #trainingState}. */
    @Override
    public FitReport fit(Dataset train, int epochs, EpochListener listener, Checkpointing checkpoints) {
        return trainer().fit(train, inputDim, epochs, batch, learningRate, seed, this::forwardBackward, listener,
                checkpoints, trainingState(), this::trainingStateRestored);
    }

    /**
     * The state a model carries from one training step to the next besides its parameters, as
     * named live arrays that a checkpoint saves and restores in place (none by default). A model
     * with such state must list it here, or a resumed run would not repeat the uninterrupted one.
     */
    protected Map<String, float[]> trainingState() {
        return Map.of();
    }

    /** Runs after {@link #trainingState} was restored from a checkpoint (nothing by default). */
    protected void trainingStateRestored() {
    }

    /** One training step on a clean batch; returns the batch's objective. */
    public double step(float[] batch, int rows, long stepSeed) {
        double objective = forwardBackward(batch, rows, stepSeed);
        trainer().update();
        return objective;
    }

    /**
     * Forward and backward without the update (the input corrupted first, when the model
     * corrupts): leaves gradients in the arena and returns the objective. Used by {@link #step}
     * and by gradient checks.
     */
    public double forwardBackward(float[] batch, int rows, long stepSeed) {
        float[] input = batch;
        if (corruption != null) {
            corruption.apply(kernels, batch, corrupted, rows * inputDim, stepSeed);
            input = corrupted;
        }
        return lossAndGradients(batch, input, rows, stepSeed);
    }

    /** Zeroes the gradients a previous forward-backward left; call before a backward pass. */
    protected final void beginGradients() {
        trainer().beginGradients();
    }

    /**
     * {@code mean_code_activation}, then the model's own {@link #addTestMetrics}, then
     * {@code noisy_test_mse} when the model corrupts its input.
     */
    @Override
    public Map<String, Double> extraMetrics(Dataset test) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean_code_activation", Evaluation.meanCodeActivation(this, test));
        addTestMetrics(test, m);
        if (corruption != null) {
            m.put("noisy_test_mse", Evaluation.noisyReconstructionMse(this, test, corruption, kernels, seed));
        }
        return m;
    }

    /**
     * Runs after every parameter update (nothing by default): a model whose parameters live on a
     * constraint set (unit-norm dictionary atoms, non-negative thresholds) projects them back here.
     */
    protected void afterUpdate() {
    }

    /** Adds the model's own test metrics (none by default). */
    protected void addTestMetrics(Dataset test, Map<String, Double> metrics) {
    }

    /** What one chunk of rows computes: rows {@code [first, first + rows)} of the whole input. */
    @FunctionalInterface
    protected interface Chunk {
        void run(float[] in, int rows, int first);
    }

    /**
     * Runs {@code body} over {@code rows} rows of {@code x} ({@code width} columns) in chunks of at
     * most {@link #maxRows} rows, each copied to a scratch array unless the whole input fits.
     */
    protected final void inChunks(float[] x, int rows, int width, Chunk body) {
        float[] chunk = rows <= maxRows ? x : new float[maxRows * width];
        for (int s = 0; s < rows; s += maxRows) {
            int n = Math.min(maxRows, rows - s);
            float[] in = x;
            if (rows > maxRows) {
                System.arraycopy(x, s * width, chunk, 0, n * width);
                in = chunk;
            }
            body.run(in, n, s);
        }
    }

    /** {@code stack}'s output for {@code rows} rows of {@code x}, into {@code out}, in chunks. */
    protected final void forwardInChunks(LayerStack stack, float[] x, int rows, float[] out) {
        int outWidth = stack.outputSize();
        inChunks(x, rows, stack.inputSize(), (in, n, first) ->
                System.arraycopy(stack.forward(in, n), 0, out, first * outWidth, n * outWidth));
    }

    @Override
    public int inputDim() {
        return inputDim;
    }

    @Override
    public long parameterCount() {
        return arena.size();
    }

    public ParameterArena arena() {
        return arena;
    }

    private ArenaTrainer trainer() {
        if (trainer == null) {
            trainer = new ArenaTrainer(kernels, arena, this::afterUpdate);
        }
        return trainer;
    }
}
