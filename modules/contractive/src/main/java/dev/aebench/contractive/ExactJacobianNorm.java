package dev.aebench.contractive;

import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.Penalty;

/**
 * {@code jacobian:lambda}: the exact squared Frobenius norm of the encoder's Jacobian, by the
 * diagonal formula for one layer ({@link DiagonalContraction}) and by batched products for deeper
 * encoders ({@link DeepJacobian}).
 */
final class ExactJacobianNorm implements Penalty {
    private final double lambda;
    private final DiagonalContraction oneLayer;
    private final DeepJacobian deep;

    ExactJacobianNorm(double lambda, EncoderState encoder) {
        this.lambda = lambda;
        boolean single = encoder.layers().size() == 1;
        this.oneLayer = single ? new DiagonalContraction(encoder.layers().get(0)) : null;
        this.deep = single ? null : new DeepJacobian(encoder);
    }

    @Override
    public String describe() {
        return "jacobian:" + lambda;
    }

    @Override
    public double apply(EncoderState encoder, boolean withGradient) {
        return oneLayer != null ? oneLayer.apply(encoder, lambda, withGradient) : deep.apply(encoder, lambda, withGradient);
    }
}
