package dev.aebench.contractive;

import dev.aebench.core.jacobian.JacobianNorm;
import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.Penalty;

/** A contractive penalty: one of core's {@link JacobianNorm}s, weighted by lambda, at the encoder's current batch. */
final class JacobianPenalty implements Penalty {
    private final String spec;
    private final double lambda;
    private final JacobianNorm norm;

    /** {@code spec} is how the penalty was written ({@code jacobian:0.1}). */
    JacobianPenalty(String spec, double lambda, JacobianNorm norm) {
        this.spec = spec;
        this.lambda = lambda;
        this.norm = norm;
    }

    @Override
    public String describe() {
        return spec;
    }

    @Override
    public double apply(EncoderState encoder, boolean withGradient) {
        return norm.apply(encoder.arena(), encoder.rows(), encoder.stepSeed(), lambda, withGradient);
    }
}
