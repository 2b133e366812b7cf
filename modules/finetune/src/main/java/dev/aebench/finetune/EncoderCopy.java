package dev.aebench.finetune;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.ArenaLayer;
import dev.aebench.core.nn.Conv2dLayer;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.nn.ParameterArena;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained encoder's layers rebuilt in another arena, in two steps as arenas are: the
 * constructor reserves layers of the same kinds, shapes and activations ({@link DenseLayer} and
 * {@link Conv2dLayer}; the last layer cut to its first {@code codeDim} outputs, as for a VAE
 * whose last layer also emits log-variances), and {@link #copyParameters} copies the weights and
 * biases once the arena is sealed. The source is only read.
 */
final class EncoderCopy {
    private final List<? extends Layer> source;
    private final List<ArenaLayer> copies = new ArrayList<>();

    /**
     * @throws IllegalArgumentException for a layer of another kind (see {@link #unsupported})
     */
    EncoderCopy(LayerStack source, int codeDim, Kernels kernels, ParameterArena arena, int maxRows) {
        String problem = unsupported(source, codeDim);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.source = source.layers();
        for (int i = 0; i < this.source.size(); i++) {
            Layer l = this.source.get(i);
            boolean last = i == this.source.size() - 1;
            if (l instanceof DenseLayer d) {
                copies.add(new DenseLayer(kernels, arena, d.inputSize(), last ? codeDim : d.outputSize(), d.activation(),
                        maxRows));
            } else {
                Conv2dLayer c = (Conv2dLayer) l;
                copies.add(new Conv2dLayer(kernels, arena, c.geometry(), c.outChannels(), c.activation(), maxRows));
            }
        }
    }

    /** Why a stack cannot be copied (a layer of another kind, a code wider than the output), or null. */
    static String unsupported(LayerStack source, int codeDim) {
        List<? extends Layer> layers = source.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (!(l instanceof DenseLayer) && !(l instanceof Conv2dLayer)) {
                return "encoder layer " + (i + 1) + " is a " + l.getClass().getSimpleName()
                        + ", expected DenseLayer or Conv2dLayer";
            }
        }
        Layer last = source.last();
        if (last.outputSize() < codeDim || (last instanceof Conv2dLayer && last.outputSize() != codeDim)) {
            return "the encoder's last layer has " + last.outputSize() + " outputs, expected the " + codeDim + " code units";
        }
        return null;
    }

    /** Copies the source's weights and biases into the sealed arena. */
    void copyParameters() {
        for (int i = 0; i < copies.size(); i++) {
            ArenaLayer from = (ArenaLayer) source.get(i);
            ArenaLayer to = copies.get(i);
            float[] src = from.arena().params();
            float[] dst = to.arena().params();
            if (from instanceof DenseLayer) {
                int in = from.inputSize();
                int fromOut = from.outputSize();
                int out = to.outputSize();
                for (int r = 0; r < in; r++) { // W is input-major: a row per input, the first `out` columns kept
                    System.arraycopy(src, from.weightOffset() + r * fromOut, dst, to.weightOffset() + r * out, out);
                }
                System.arraycopy(src, from.biasOffset(), dst, to.biasOffset(), out);
            } else {
                Conv2dLayer c = (Conv2dLayer) from;
                int channels = c.outChannels();
                System.arraycopy(src, from.weightOffset(), dst, to.weightOffset(), c.parameterCount() - channels);
                System.arraycopy(src, from.biasOffset(), dst, to.biasOffset(), channels);
            }
        }
    }

    /** The copied layers, input first. */
    List<ArenaLayer> layers() {
        return copies;
    }
}
