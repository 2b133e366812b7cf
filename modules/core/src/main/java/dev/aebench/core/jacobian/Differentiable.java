package dev.aebench.core.jacobian;

/** A trained model whose encoder can be differentiated exactly. */
public interface Differentiable {
    /** A view of the encoder for analyses; valid while the model is. */
    DifferentiableEncoder differentiableEncoder();
}
