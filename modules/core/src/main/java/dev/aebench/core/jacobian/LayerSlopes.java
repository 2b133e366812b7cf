package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.nn.DenseLayer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One dense layer's slopes {@code D = act'(z)} for the current batch (rows x units), computed
 * from its outputs, and a buffer for {@code dNorm/dD}. {@link #sendGradient} turns the latter
 * into a gradient on the layer's outputs, which the encoder's backward pass then carries on.
 */
final class LayerSlopes {
    private final DenseLayer layer;
    private final Activation activation;
    private final float[] slope;
    private final float[] slopeGradient;

    /** Slopes of {@code layer} for batches of up to {@code maxRows} rows. */
    LayerSlopes(DenseLayer layer, int maxRows) {
        this.layer = layer;
        this.activation = layer.activation();
        this.slope = new float[maxRows * layer.outputSize()];
        this.slopeGradient = new float[maxRows * layer.outputSize()];
    }

    /** One per layer, in order. */
    static List<LayerSlopes> of(List<DenseLayer> layers, int maxRows) {
        List<LayerSlopes> out = new ArrayList<>();
        for (DenseLayer l : layers) {
            out.add(new LayerSlopes(l, maxRows));
        }
        return out;
    }

    /** Fills the slopes from the layer's outputs and, for a gradient pass, zeroes their gradient. */
    void prepare(int rows, boolean withGradient) {
        int n = rows * layer.outputSize();
        float[] y = layer.output();
        for (int i = 0; i < n; i++) {
            slope[i] = activation.derivativeFromOutput(y[i]);
        }
        if (withGradient) {
            Arrays.fill(slopeGradient, 0, n, 0f);
        }
    }

    /** Adds {@code dNorm/dD * dD/dy} to the layer's output gradient. */
    void sendGradient(int rows) {
        if (!needsGradient()) {
            return; // the slope is locally constant
        }
        int n = rows * layer.outputSize();
        float[] y = layer.output();
        float[] g = layer.gradOutput();
        for (int i = 0; i < n; i++) {
            g[i] += slopeGradient[i] * activation.derivativeFromOutputSlope(y[i]);
        }
    }

    /** Whether a gradient with respect to these slopes matters: not for ReLU or identity. */
    boolean needsGradient() {
        return activation != Activation.IDENTITY && activation != Activation.RELU;
    }

    DenseLayer layer() {
        return layer;
    }

    int units() {
        return layer.outputSize();
    }

    /** {@code act'(z)}, rows x units. */
    float[] slope() {
        return slope;
    }

    /** {@code dNorm/dD}, rows x units, accumulated into. */
    float[] slopeGradient() {
        return slopeGradient;
    }
}
