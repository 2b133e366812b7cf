package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.model.Autoencoder;

/** An affine encoder (PCA) as a {@link DifferentiableEncoder}: the same Jacobian at every input. */
public final class LinearEncoder implements DifferentiableEncoder {
    private final Autoencoder model;
    private final float[] jacobian;

    /** {@code jacobian} is codeDim x inputDim, row-major: {@code d code_c / d x_i} at {@code [c * inputDim + i]}. */
    public LinearEncoder(Autoencoder model, float[] jacobian) {
        if (jacobian.length != model.codeDim() * model.inputDim()) {
            throw new IllegalArgumentException("a " + model.codeDim() + " x " + model.inputDim() + " Jacobian has "
                    + model.codeDim() * model.inputDim() + " entries, found " + jacobian.length);
        }
        this.model = model;
        this.jacobian = jacobian.clone();
    }

    /** From the columns of a row-major {@code inputDim x codeDim} matrix (a projection's components). */
    public static LinearEncoder ofColumns(Autoencoder model, float[] components) {
        int d = model.inputDim();
        int k = model.codeDim();
        float[] j = new float[k * d];
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < k; c++) {
                j[c * d + i] = components[i * k + c];
            }
        }
        return new LinearEncoder(model, j);
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
        return Activation.IDENTITY;
    }

    @Override
    public void encode(float[] x, int rows, float[] codes) {
        model.encode(x, rows, codes);
    }

    @Override
    public void jacobians(float[] x, int rows, float[] out) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(jacobian, 0, out, r * jacobian.length, jacobian.length);
        }
    }

    @Override
    public int jacobianRows() {
        return 16;
    }
}
