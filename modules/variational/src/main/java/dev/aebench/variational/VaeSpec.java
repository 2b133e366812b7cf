package dev.aebench.variational;

import dev.aebench.core.error.UserError;

import java.util.Arrays;

/**
 * A variational autoencoder, validated: the encoder's hidden sizes (the decoder mirrors them),
 * the latent size, beta (the KL weight), the decoder likelihood, Adam's learning rate and the
 * batch size.
 */
public record VaeSpec(int[] hidden, int latent, double beta, DecoderLikelihood decoder, float learningRate, int batch) {
    public VaeSpec {
        hidden = hidden.clone();
        if (hidden.length == 0) {
            throw new UserError("hidden: expected at least one hidden layer size, found none");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new UserError("hidden: expected positive layer sizes, found " + h);
            }
        }
        if (latent < 1) {
            throw new UserError("latent: expected >= 1, found " + latent);
        }
        if (!(beta >= 0) || !Double.isFinite(beta)) {
            throw new UserError("beta: expected a finite number >= 0, found " + beta);
        }
        if (decoder == null) {
            throw new UserError("decoder: expected bernoulli or gaussian, found none");
        }
        if (!(learningRate > 0)) {
            throw new UserError("lr: expected > 0, found " + learningRate);
        }
        if (batch < 1) {
            throw new UserError("batch: expected >= 1, found " + batch);
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaeSpec s && Arrays.equals(hidden, s.hidden) && latent == s.latent && beta == s.beta
                && decoder == s.decoder && learningRate == s.learningRate && batch == s.batch;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + java.util.Objects.hash(latent, beta, decoder, learningRate, batch);
    }

    @Override
    public String toString() {
        return "VaeSpec" + Arrays.toString(hidden) + " latent=" + latent + " beta=" + beta + " decoder="
                + decoder.name().toLowerCase() + " lr=" + learningRate + " batch=" + batch;
    }
}
