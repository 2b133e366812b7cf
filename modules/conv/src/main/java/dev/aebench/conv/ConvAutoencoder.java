package dev.aebench.conv;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ConvGeometry;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.LossKind;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.nn.Conv2dLayer;
import dev.aebench.core.nn.ConvTranspose2dLayer;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.nn.ParameterArena;
import dev.aebench.core.objective.Corruption;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.Evaluation;
import dev.aebench.core.train.FitReport;
import dev.aebench.core.train.ArenaTrainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The convolutional autoencoder: encoder convolutions (stride {@code s}, padding {@code k/2}),
 * then a dense layer to the code; decoder a dense layer back to the last convolution's planes,
 * then the mirrored transposed convolutions, the last one to one sigmoid channel. The loss is the
 * per-pixel MSE, optionally against a corrupted input. One step: corrupt, forward, fused
 * sigmoid-MSE gradient, decoder and encoder backward, Adam; no arrays are allocated per step.
 */
public final class ConvAutoencoder implements Autoencoder {
    private final ConvSpec spec;
    private final Kernels kernels;
    private final ParameterArena arena = new ParameterArena();
    private ArenaTrainer trainer;
    private final LayerStack encoder;
    private final LayerStack decoder;
    private final Corruption corruption;
    private final int inputDim;
    private final int maxRows;
    private final long seed;
    private final float[] corrupted;

    public ConvAutoencoder(ConvSpec spec, ModelContext context, ObjectiveRegistry objectives) {
        this.spec = spec;
        this.kernels = context.kernels();
        this.inputDim = context.inputDim();
        this.seed = context.seed();
        this.maxRows = Math.max(spec.batch(), 256);
        ConvShapes shapes = ConvShapes.plan(spec, context.height(), context.width());
        int[] channels = spec.channels();
        List<Layer> down = new ArrayList<>();
        for (int i = 0; i < channels.length; i++) {
            down.add(new Conv2dLayer(kernels, arena, shapes.encoder().get(i), channels[i], spec.activation(), maxRows));
        }
        down.add(new DenseLayer(kernels, arena, shapes.flatSize(), spec.code(), spec.codeActivation(), maxRows));
        List<Layer> up = new ArrayList<>();
        up.add(new DenseLayer(kernels, arena, spec.code(), shapes.flatSize(), spec.activation(), maxRows));
        int[] paddings = shapes.outputPaddings();
        for (int i = channels.length - 1; i >= 0; i--) {
            ConvGeometry g = shapes.encoder().get(i);
            Activation act = i == 0 ? Activation.SIGMOID : spec.activation();
            up.add(new ConvTranspose2dLayer(kernels, arena, channels[i], g.outHeight(), g.outWidth(), g.channels(),
                    spec.kernel(), spec.stride(), spec.padding(), paddings[i], act, maxRows));
        }
        this.encoder = new LayerStack(down);
        this.decoder = new LayerStack(up);
        arena.seal();
        initialise(CounterRandom.derive(seed, 77));
        this.corruption = objectives.corruption(spec.corruption());
        this.corrupted = corruption == null ? null : new float[maxRows * inputDim];
    }

    private void initialise(long initSeed) {
        int index = 0;
        List<Layer> all = new ArrayList<>(encoder.layers());
        all.addAll(decoder.layers());
        for (Layer l : all) {
            long s = CounterRandom.derive(initSeed, index++);
            if (l instanceof Conv2dLayer c) {
                c.initUniform(s);
            } else if (l instanceof ConvTranspose2dLayer t) {
                t.initUniform(s);
            } else if (l instanceof DenseLayer d) {
                d.initUniform(s);
            }
        }
    }

    public ConvSpec spec() {
        return spec;
    }

    @Override
    public FitReport fit(Dataset train, int epochs, EpochListener listener) {
        return trainer().fit(train, inputDim, epochs, spec.batch(), spec.learningRate(), seed, this::forwardBackward,
                listener);
    }

    /** One training step on a clean batch; returns the batch's mean per-pixel MSE. */
    public double step(float[] batch, int rows, long stepSeed) {
        double loss = forwardBackward(batch, rows, stepSeed);
        trainer().update();
        return loss;
    }

    /**
     * Forward and backward without the update: leaves the gradients of the batch's loss in the
     * arena and returns the loss. Used by {@link #step} and by gradient checks.
     */
    public double forwardBackward(float[] batch, int rows, long stepSeed) {
        float[] input = batch;
        if (corruption != null) {
            corruption.apply(kernels, batch, corrupted, rows * inputDim, stepSeed);
            input = corrupted;
        }
        trainer().beginGradients();
        float[] code = encoder.forward(input, rows);
        float[] out = decoder.forward(code, rows);
        double loss = kernels.sigmoidOutputLoss(LossKind.MSE, out, batch, rows * inputDim, decoder.gradOutput(), 1f);
        decoder.backward(code, rows, encoder.gradOutput(), false, true);
        encoder.backward(input, rows, null, false, false);
        return loss;
    }

    @Override
    public void encode(float[] x, int rows, float[] codes) {
        inChunks(x, rows, inputDim, encoder, codes);
    }

    @Override
    public void decode(float[] codes, int rows, float[] out) {
        inChunks(codes, rows, spec.code(), decoder, out);
    }

    /** Runs {@code stack} over {@code rows} rows in chunks that fit the layer buffers. */
    private void inChunks(float[] x, int rows, int width, LayerStack stack, float[] out) {
        int outWidth = stack.outputSize();
        float[] chunk = rows <= maxRows ? x : new float[maxRows * width];
        for (int s = 0; s < rows; s += maxRows) {
            int n = Math.min(maxRows, rows - s);
            float[] in = x;
            if (rows > maxRows) {
                System.arraycopy(x, s * width, chunk, 0, n * width);
                in = chunk;
            }
            System.arraycopy(stack.forward(in, n), 0, out, s * outWidth, n * outWidth);
        }
    }

    @Override
    public Map<String, Double> extraMetrics(Dataset test) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean_code_activation", Evaluation.meanCodeActivation(this, test));
        if (corruption != null) {
            m.put("noisy_test_mse", Evaluation.noisyReconstructionMse(this, test, corruption, kernels, seed));
        }
        return m;
    }

    @Override
    public int inputDim() {
        return inputDim;
    }

    @Override
    public int codeDim() {
        return spec.code();
    }

    @Override
    public long parameterCount() {
        return arena.size();
    }

    public ParameterArena arena() {
        return arena;
    }

    public LayerStack encoderLayers() {
        return encoder;
    }

    public LayerStack decoderLayers() {
        return decoder;
    }

    private ArenaTrainer trainer() {
        if (trainer == null) {
            trainer = new ArenaTrainer(kernels, arena);
        }
        return trainer;
    }
}
