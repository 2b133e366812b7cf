package dev.aebench.conv;

import dev.aebench.core.jacobian.Differentiable;
import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.jacobian.StackEncoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ConvGeometry;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.LossKind;
import dev.aebench.core.model.LayeredEncoder;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.nn.Conv2dLayer;
import dev.aebench.core.nn.ConvTranspose2dLayer;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.train.ArenaAutoencoder;

import java.util.ArrayList;
import java.util.List;

/**
 * The convolutional autoencoder: encoder convolutions (stride {@code s}, padding {@code k/2}),
 * then a dense layer to the code; decoder a dense layer back to the last convolution's planes,
 * then the mirrored transposed convolutions, the last one to one sigmoid channel. The loss is the
 * per-pixel MSE, optionally against a corrupted input. One step: corrupt, forward, fused
 * sigmoid-MSE gradient, decoder and encoder backward, Adam; no arrays are allocated per step.
 */
public final class ConvAutoencoder extends ArenaAutoencoder implements Differentiable, LayeredEncoder {
    private final ConvSpec spec;
    private final LayerStack encoder;
    private final LayerStack decoder;

    public ConvAutoencoder(ConvSpec spec, ModelContext context, ObjectiveRegistry objectives) {
        super(context, spec.batch(), spec.learningRate(), Math.max(spec.batch(), 256),
                objectives.corruption(spec.corruption()));
        this.spec = spec;
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

    /** The per-pixel MSE of the sigmoid reconstruction against the clean batch. */
    @Override
    protected double lossAndGradients(float[] batch, float[] input, int rows, long stepSeed) {
        beginGradients();
        float[] code = encoder.forward(input, rows);
        float[] out = decoder.forward(code, rows);
        double loss = kernels.sigmoidOutputLoss(LossKind.MSE, out, batch, rows * inputDim, decoder.gradOutput(), 1f);
        decoder.backward(code, rows, encoder.gradOutput(), false, true);
        encoder.backward(input, rows, null, false, false);
        return loss;
    }

    @Override
    public void encode(float[] x, int rows, float[] codes) {
        forwardInChunks(encoder, x, rows, codes);
    }

    @Override
    public void decode(float[] codes, int rows, float[] out) {
        forwardInChunks(decoder, codes, rows, out);
    }

    @Override
    public int codeDim() {
        return spec.code();
    }

    @Override
    public LayerStack encoderLayers() {
        return encoder;
    }

    public LayerStack decoderLayers() {
        return decoder;
    }

    @Override
    public DifferentiableEncoder differentiableEncoder() {
        return new StackEncoder(this, encoder, arena, maxRows, spec.codeActivation());
    }
}
