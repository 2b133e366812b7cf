/**
 * From a results folder to what a report shows ({@link dev.aebench.report.analysis.Analysis}):
 * per-configuration samples aggregated with Tablesaw, each block's selection on the validation
 * split and its swept hyperparameters ({@link dev.aebench.report.analysis.SweepAxis}, edge
 * warnings), the significant best of each metric, Welch tests with Holm's correction against the
 * baseline ({@link dev.aebench.report.analysis.Comparison}) and the provenance summary.
 */
package dev.aebench.report.analysis;
