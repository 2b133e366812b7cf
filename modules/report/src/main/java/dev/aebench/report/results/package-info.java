/**
 * Reading a results folder without any model: the plan ({@link dev.aebench.report.results.PlanEntry}),
 * the trial records in either layout, flat or with a nested {@code metrics} object
 * ({@link dev.aebench.report.results.TrialRecord}), the optional experiment description and the
 * per-trial artifacts (images and 2-D code projections, {@link dev.aebench.report.results.TrialArtifact}).
 * Damaged folders are a user error when nothing can be shown, and stated in the report otherwise.
 */
package dev.aebench.report.results;
