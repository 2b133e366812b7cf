/**
 * One trial: its {@link dev.aebench.runner.trial.TrialSpec} and the
 * {@link dev.aebench.runner.trial.TrialRunner} that trains, evaluates, probes and stamps
 * provenance. The CLI and the sweep executor both call this API.
 */
package dev.aebench.runner.trial;
