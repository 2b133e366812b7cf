package dev.aebench.analysis;

import dev.aebench.core.metric.Metrics;

/** The metrics the analyses emitted and the wall-clock seconds they took. */
public record AnalysisReport(Metrics metrics, double seconds) {
}
