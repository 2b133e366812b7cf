/**
 * Training mechanics shared by every family: the seeded mini-batch epoch loop, the fit report
 * (loss curve and per-epoch times), divergence detection, and whole-dataset evaluation
 * (encoding and reconstruction error) computed identically for every model.
 */
package dev.aebench.core.train;
