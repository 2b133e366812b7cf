/**
 * Results: the {@link dev.aebench.core.result.TrialResult} of one trial, its
 * {@link dev.aebench.core.result.Provenance} (config, seed, data, commit, JDK, CPU, threads,
 * library versions), and crash-safe JSON-lines storage (whole-line append with fsync; a reader
 * that skips a torn last line).
 */
package dev.aebench.core.result;
