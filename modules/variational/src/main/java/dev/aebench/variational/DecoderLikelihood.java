package dev.aebench.variational;

import dev.aebench.core.kernel.LossKind;

/** What the decoder's sigmoid output parameterises, and so which reconstruction term the ELBO uses. */
public enum DecoderLikelihood {
    /** Independent Bernoulli pixels: cross-entropy summed over pixels, in nats. */
    BERNOULLI(LossKind.BCE),
    /**
     * Gaussian pixels with a fixed variance: squared error summed over pixels, the negative
     * log-likelihood of N(x_hat, I/2) up to a constant.
     */
    GAUSSIAN(LossKind.MSE);

    private final LossKind loss;

    DecoderLikelihood(LossKind loss) {
        this.loss = loss;
    }

    /** The per-element loss kind whose sum over pixels is the reconstruction term. */
    public LossKind loss() {
        return loss;
    }

    /** Parses {@code bernoulli} or {@code gaussian}; null when unknown. */
    public static DecoderLikelihood parse(String name) {
        for (DecoderLikelihood d : values()) {
            if (d.name().equalsIgnoreCase(name.trim())) {
                return d;
            }
        }
        return null;
    }
}
