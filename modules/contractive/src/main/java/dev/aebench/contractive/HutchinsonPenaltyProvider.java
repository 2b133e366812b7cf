package dev.aebench.contractive;

import dev.aebench.core.jacobian.HutchinsonJacobianNorm;
import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.Penalty;
import dev.aebench.core.objective.PenaltyProvider;

import java.util.List;

/**
 * {@code hutchinson:lambda[:k]}: the contractive penalty estimated with k Gaussian probes per
 * sample (1 when omitted), see {@link HutchinsonJacobianNorm}.
 */
public final class HutchinsonPenaltyProvider implements PenaltyProvider {
    @Override
    public String name() {
        return "hutchinson";
    }

    @Override
    public String meaning() {
        return "hutchinson:lambda:k adds lambda * batch mean of ||dh/dx v||^2 averaged over k Gaussian probes v "
                + "(an unbiased estimate of ||dh/dx||_F^2; k defaults to 1)";
    }

    @Override
    public Penalty create(double lambda, List<Double> extra, EncoderState encoder) {
        PenaltyArguments.checkLambda("hutchinson", "hutchinson:lambda:k", lambda);
        int probes = PenaltyArguments.probes(extra);
        return new JacobianPenalty("hutchinson:" + lambda + ":" + probes, lambda,
                new HutchinsonJacobianNorm(encoder.kernels(), encoder.layers(), encoder.maxRows(), probes));
    }
}
