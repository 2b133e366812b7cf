package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.nn.ParameterArena;

/** A model's layer-stack encoder (convolutions) as a {@link DifferentiableEncoder}, Jacobians by {@link StackJacobian}. */
public final class StackEncoder implements DifferentiableEncoder {
    private final Autoencoder model;
    private final Activation codeActivation;
    private final StackJacobian jacobian;

    public StackEncoder(Autoencoder model, LayerStack encoder, ParameterArena arena, int maxRows,
                        Activation codeActivation) {
        this.model = model;
        this.codeActivation = codeActivation;
        this.jacobian = new StackJacobian(encoder, arena, maxRows, model.codeDim());
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
        return codeActivation;
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
        return 16;
    }
}
