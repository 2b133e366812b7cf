package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.nn.DenseLayer;

import java.util.List;

/** A model's dense encoder as a {@link DifferentiableEncoder}: codes from the model, Jacobians by {@link DenseJacobian}. */
public final class DenseEncoder implements DifferentiableEncoder {
    private final Autoencoder model;
    private final List<DenseLayer> layers;
    private final DenseJacobian jacobian;

    /** The encoder layers of {@code model}, input to code, with buffers of at least {@code maxRows} rows. */
    public DenseEncoder(Autoencoder model, Kernels kernels, List<DenseLayer> layers, int maxRows) {
        this.model = model;
        this.layers = List.copyOf(layers);
        this.jacobian = new DenseJacobian(kernels, this.layers, maxRows);
    }

    @Override
    public int inputDim() {
        return model.inputDim();
    }

    @Override
    public int codeDim() {
        return model.codeDim();
    }

    @Override
    public Activation codeActivation() {
        return layers.get(layers.size() - 1).activation();
    }

    @Override
    public void encode(float[] x, int rows, float[] codes) {
        model.encode(x, rows, codes);
    }

    @Override
    public void jacobians(float[] x, int rows, float[] out) {
        jacobian.jacobians(x, rows, out);
    }

    @Override
    public int jacobianRows() {
        return jacobian.rowsPerCall();
    }
}
