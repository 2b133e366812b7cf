package dev.aebench.contractive;

import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.Penalty;

/** {@code contractive:lambda}: the closed form on a single sigmoid layer (see {@link DiagonalContraction}). */
final class ClosedFormContraction implements Penalty {
    private final double lambda;
    private final DiagonalContraction norm;

    ClosedFormContraction(double lambda, DiagonalContraction norm) {
        this.lambda = lambda;
        this.norm = norm;
    }

    @Override
    public String describe() {
        return "contractive:" + lambda;
    }

    @Override
    public double apply(EncoderState encoder, boolean withGradient) {
        return norm.apply(encoder, lambda, withGradient);
    }
}
