package dev.aebench.psd;

import dev.aebench.core.error.UserError;

/**
 * A predictive sparse decomposition model, validated: the number of dictionary atoms (the code
 * size), the L1 weight {@code lambda}, the weight {@code alpha} of the encoder-prediction term,
 * the FISTA steps of code inference, Adam's learning rate and the batch size.
 */
public record PsdSpec(int hidden, double lambda, double alpha, int fistaSteps, float learningRate, int batch) {
    public PsdSpec {
        if (hidden < 1) {
            throw new UserError("hidden: expected >= 1, found " + hidden);
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new UserError("lambda: expected a finite number >= 0, found " + lambda);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new UserError("alpha: expected a finite number >= 0, found " + alpha);
        }
        if (fistaSteps < 1) {
            throw new UserError("fista_steps: expected >= 1, found " + fistaSteps);
        }
        if (!(learningRate > 0)) {
            throw new UserError("lr: expected > 0, found " + learningRate);
        }
        if (batch < 1) {
            throw new UserError("batch: expected >= 1, found " + batch);
        }
    }
}
