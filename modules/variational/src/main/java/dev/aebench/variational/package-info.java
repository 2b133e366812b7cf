/**
 * The variational autoencoder family {@code vae} (a beta-VAE when {@code beta != 1}): a dense
 * encoder to the mean and log-variance of a diagonal Gaussian posterior, a reparameterised sample
 * {@code z = mu + exp(logvar / 2) eps} with {@code eps} drawn from the step seed, and a dense
 * decoder to a sigmoid image. The loss is the negative ELBO per sample, reconstruction summed
 * over pixels (Bernoulli cross-entropy, or squared error for a Gaussian decoder) plus beta times
 * the closed-form KL divergence to N(0, I), both averaged over the batch. {@code encode} returns
 * the posterior mean.
 */
package dev.aebench.variational;
