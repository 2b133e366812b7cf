package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Activation;

/**
 * An encoder an analysis can differentiate: codes of a batch and the exact Jacobian of the code
 * with respect to the input at each of its rows. Trained models offer one; nothing here trains.
 */
public interface DifferentiableEncoder {
    int inputDim();

    int codeDim();

    /** The code layer's activation (for saturation); {@link Activation#IDENTITY} for a linear code. */
    Activation codeActivation();

    /** Codes for {@code rows} rows of {@code x} into {@code codes} (rows x codeDim). */
    void encode(float[] x, int rows, float[] codes);

    /**
     * The Jacobians at {@code rows} rows of {@code x} ({@code rows <= }{@link #jacobianRows()}):
     * {@code out[(r * codeDim + c) * inputDim + i] = d code_c / d x_i} at row r.
     */
    void jacobians(float[] x, int rows, float[] out);

    /** The most rows one {@link #jacobians} call takes. */
    int jacobianRows();
}
