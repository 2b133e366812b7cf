/**
 * Running a plan: the {@link dev.aebench.runner.sweep.Sweep} skips trials already recorded, runs
 * the rest through a {@link dev.aebench.runner.execute.TrialExecutor} with a given parallelism,
 * records every outcome as it arrives ({@link dev.aebench.runner.sweep.RecordLine}), and reports
 * progress: a redrawn bar on a terminal ({@link dev.aebench.runner.sweep.TerminalProgress}),
 * plain lines otherwise ({@link dev.aebench.runner.sweep.LineProgress}).
 */
package dev.aebench.runner.sweep;
