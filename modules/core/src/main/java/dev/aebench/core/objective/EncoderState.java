package dev.aebench.core.objective;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.ParameterArena;

import java.util.List;

/**
 * A view of a dense encoder during a step: its layers (the last one's output is the code), the
 * batch input it saw and the number of rows. Penalties read activations and weights here and
 * add gradients to {@link DenseLayer#gradOutput()} and {@link ParameterArena#grads()}.
 */
public interface EncoderState {
    Kernels kernels();

    ParameterArena arena();

    List<DenseLayer> layers();

    /** The encoder's input for the current batch (possibly corrupted). */
    float[] input();

    int rows();

    /** The largest batch the buffers hold. */
    int maxRows();

    /** {@code [from, to)} arena ranges of every weight matrix of the whole model (biases excluded). */
    List<int[]> weightRanges();

    /**
     * A seed for the current step, for stochastic penalties (random probe vectors): the same
     * step seed gives the same draws, so the objective is a function of the parameters, the batch
     * and this seed. Implementations that never vary it return 0.
     */
    default long stepSeed() {
        return 0L;
    }

    default DenseLayer codeLayer() {
        return layers().get(layers().size() - 1);
    }

    default int inputDim() {
        return layers().get(0).inputSize();
    }
}
