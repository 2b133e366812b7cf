package dev.aebench.runner.trial;

import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.jacobian.DenseEncoder;
import dev.aebench.core.jacobian.Differentiable;
import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.jacobian.LinearEncoder;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.pca.PcaModel;

/** The differentiable view of a trained model's encoder that the analyses take, where it has one. */
final class EncoderViews {
    private EncoderViews() {
    }

    /** The model's encoder with exact Jacobians, or null when the model offers none. */
    static DifferentiableEncoder of(Autoencoder model) {
        if (model instanceof Differentiable d) {
            return d.differentiableEncoder();
        }
        if (model instanceof DenseAutoencoder d) {
            return new DenseEncoder(d, d.kernels(), d.layers(), d.maxRows());
        }
        if (model instanceof PcaModel p && p.components() != null) {
            return LinearEncoder.ofColumns(p, p.components());
        }
        return null;
    }
}
