package dev.aebench.finetune;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.nn.ParameterArena;
import dev.aebench.core.train.ArenaTrainer;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;

import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a trained encoder with a softmax layer on its code, in one arena of its own: the
 * encoder's layers as they were trained, then a dense layer from the code to one score per class
 * (PyTorch's default initialisation, uniform in +-1/sqrt(code), seeded), trained end to end with
 * cross-entropy by Adam. A step allocates nothing: forward through the stack (the kernels' GEMMs
 * and fused bias-activations), the fused softmax cross-entropy gradient, the head's backward
 * into the code layer's output gradient, the encoder's backward (the first layer skips its input
 * gradient), one Adam pass over the arena.
 */
final class FineTunedClassifier {
    private static final long INIT_STREAM = 0x66696e65L;
    private final Kernels kernels;
    private final ParameterArena arena = new ParameterArena();
    private final LayerStack encoder;
    private final DenseLayer head;
    private final LayerStack network;
    private final int classes;
    private final int maxRows;
    private final ArenaTrainer trainer;

    /**
     * @param source  the trained encoder's layers (only read)
     * @param codeDim the code's width: the first that many outputs of the source's last layer
     * @param maxRows the largest batch a step or an evaluation chunk takes
     */
    FineTunedClassifier(LayerStack source, int codeDim, int classes, Kernels kernels, int maxRows, long seed) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, found " + classes);
        }
        this.kernels = kernels;
        this.classes = classes;
        this.maxRows = maxRows;
        EncoderCopy copy = new EncoderCopy(source, codeDim, kernels, arena, maxRows);
        this.head = new DenseLayer(kernels, arena, codeDim, classes, Activation.IDENTITY, maxRows);
        arena.seal();
        copy.copyParameters();
        head.initUniform(CounterRandom.derive(seed, INIT_STREAM));
        this.encoder = new LayerStack(copy.layers());
        List<Layer> all = new ArrayList<>(copy.layers());
        all.add(head);
        this.network = new LayerStack(all);
        this.trainer = new ArenaTrainer(kernels, arena);
    }

    int inputDim() {
        return network.inputSize();
    }

    int classes() {
        return classes;
    }

    ParameterArena arena() {
        return arena;
    }

    /** The encoder part (copied layers), input first. */
    LayerStack encoder() {
        return encoder;
    }

    /**
     * Forward, mean cross-entropy and backward on {@code rows <= maxRows} rows: leaves the
     * gradient of the returned loss in the arena (gradients left by an earlier call zeroed first).
     */
    double lossAndGradients(float[] x, int[] labels, int rows) {
        checkRows(rows);
        trainer.beginGradients();
        float[] scores = network.forward(x, rows);
        double loss = SoftmaxCrossEntropy.lossAndGradient(scores, labels, rows, classes, head.gradOutput());
        network.backward(x, rows, null, false, true); // the head's gradient is already the scores'
        return loss;
    }

    /** Trains every parameter for the options' epochs on {@code train}; returns the per-epoch losses and times. */
    FitReport fit(Dataset train, FineTuneOptions options, EpochListener listener) {
        return trainer.fitLabelled(train, inputDim(), options.epochs(), options.batch(), options.learningRate(),
                options.seed(), (x, labels, rows, stepSeed) -> lossAndGradients(x, labels, rows), listener);
    }

    /** The class scores of {@code rows <= maxRows} rows (the head's output buffer: copy to keep). */
    float[] scores(float[] x, int rows) {
        checkRows(rows);
        return network.forward(x, rows);
    }

    /** The fraction of {@code data}'s rows whose first highest score is at their label, in chunks. */
    double accuracy(Dataset data) {
        if (data.size() == 0) {
            return Double.NaN;
        }
        int dim = data.dim();
        float[] chunk = new float[maxRows * dim];
        long hits = 0;
        for (int s = 0; s < data.size(); s += maxRows) {
            int n = Math.min(maxRows, data.size() - s);
            System.arraycopy(data.x(), s * dim, chunk, 0, n * dim);
            hits += SoftmaxCrossEntropy.correct(network.forward(chunk, n), data.labels(), s, n, classes);
        }
        return hits / (double) data.size();
    }

    private void checkRows(int rows) {
        if (rows < 1 || rows > maxRows) {
            throw new IllegalArgumentException("expected 1 to " + maxRows + " rows, found " + rows);
        }
    }
}
