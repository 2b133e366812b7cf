package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.ParameterArena;

import java.util.List;

/**
 * {@code lambda} times the batch mean of the squared Frobenius norm of a dense encoder's
 * Jacobian {@code ||dh/dx||_F^2} (or an estimate of it), at the batch the encoder's layers last
 * went forward on, and its exact gradient: a gradient pass adds the direct weight gradients to
 * the arena's gradients and the gradient with respect to each layer's outputs (through its
 * slopes {@code act'(z)}) to that layer's output gradient, for the encoder's backward pass to
 * carry on. The contractive penalties are these norms.
 */
public interface JacobianNorm {
    /**
     * The value for the current batch of {@code rows} rows; {@code stepSeed} fixes the draws of
     * a stochastic estimate (exact norms ignore it).
     */
    double apply(ParameterArena arena, int rows, long stepSeed, double lambda, boolean withGradient);

    /** The exact norm of {@code layers} (input to code): {@link DiagonalJacobianNorm} for one layer, else {@link DeepJacobianNorm}. */
    static JacobianNorm exact(Kernels kernels, List<DenseLayer> layers, int maxRows) {
        return layers.size() == 1 ? new DiagonalJacobianNorm(layers.get(0)) : new DeepJacobianNorm(kernels, layers, maxRows);
    }
}
