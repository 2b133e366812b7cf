/**
 * The plan of a sweep: an {@link dev.aebench.runner.experiment.Experiment} expanded into
 * {@link dev.aebench.runner.plan.PlannedTrial}s (grid products, seeded random draws, seeds), each
 * checked against the model registry before anything runs and named by a stable id: a hash of
 * the fully resolved configuration, seed, epochs, probe, validation split and the data
 * fingerprint ({@link dev.aebench.runner.plan.TrialIds}, {@link dev.aebench.runner.plan.DataSource}).
 */
package dev.aebench.runner.plan;
