package dev.aebench.contractive;

import dev.aebench.core.jacobian.JacobianNorm;
import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.Penalty;
import dev.aebench.core.objective.PenaltyProvider;

import java.util.List;

/** {@code jacobian:lambda}: the exact contractive penalty for any dense encoder (see {@link JacobianNorm#exact}). */
public final class JacobianPenaltyProvider implements PenaltyProvider {
    @Override
    public String name() {
        return "jacobian";
    }

    @Override
    public String meaning() {
        return "jacobian:lambda adds lambda * batch mean of the exact ||dh/dx||_F^2 (any dense encoder and activations)";
    }

    @Override
    public Penalty create(double lambda, List<Double> extra, EncoderState encoder) {
        PenaltyArguments.checkLambda("jacobian", "jacobian:lambda", lambda);
        PenaltyArguments.checkNoExtra("jacobian", "jacobian:lambda", extra);
        return new JacobianPenalty("jacobian:" + lambda, lambda,
                JacobianNorm.exact(encoder.kernels(), encoder.layers(), encoder.maxRows()));
    }
}
