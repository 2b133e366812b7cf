/**
 * Training mechanics shared by every family: {@link dev.aebench.core.train.ArenaAutoencoder}, the
 * base of every gradient-trained model (fit, step, corruption, chunked encoding, common test
 * metrics; a model adds its layers and its forward-backward), the seeded mini-batch epoch loop, the fit report
 * (loss curve and per-epoch times), divergence detection, and whole-dataset evaluation
 * (encoding and reconstruction error) computed identically for every model.
 */
package dev.aebench.core.train;
