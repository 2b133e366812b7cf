package dev.aebench.report.analysis;

import dev.aebench.report.stats.WelchTest;

/**
 * One test of the significance table: block {@code a}'s selection against block {@code b}'s on
 * one metric, with the Holm-adjusted p-value within that metric's family of comparisons.
 */
public record Comparison(BlockResult a, BlockResult b, String metric, WelchTest test, double pHolm) {
}
