package dev.aebench.contractive;

import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.Penalty;

/** {@code hutchinson:lambda:k}: the stochastic estimate of {@link ProbedJacobian} with k probes per sample. */
final class HutchinsonJacobianNorm implements Penalty {
    private final double lambda;
    private final int probes;
    private final ProbedJacobian estimate;

    HutchinsonJacobianNorm(double lambda, int probes, EncoderState encoder) {
        this.lambda = lambda;
        this.probes = probes;
        this.estimate = new ProbedJacobian(encoder, probes);
    }

    @Override
    public String describe() {
        return "hutchinson:" + lambda + ":" + probes;
    }

    @Override
    public double apply(EncoderState encoder, boolean withGradient) {
        return estimate.apply(encoder, lambda, withGradient);
    }
}
