/**
 * The statistics of a report: per-configuration samples ({@link dev.aebench.report.stats.Sample}),
 * Welch's t-test with an effect size ({@link dev.aebench.report.stats.WelchTest}) and Holm's
 * correction for a family of tests ({@link dev.aebench.report.stats.Holm}).
 */
package dev.aebench.report.stats;
