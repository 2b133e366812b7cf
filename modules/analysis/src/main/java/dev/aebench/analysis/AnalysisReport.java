package dev.aebench.analysis;

import dev.aebench.core.metric.Metrics;

import java.util.Map;
import java.util.stream.Collectors;

/** The metrics the analyses emitted, the wall-clock seconds they took, and the seconds of each analysis run. */
public record AnalysisReport(Metrics metrics, double seconds, Map<AnalysisName, Double> secondsEach) {
    public AnalysisReport {
        secondsEach = Map.copyOf(secondsEach);
    }

    /** One line such as {@code analyses 3.2s: jacobian 1.1s, knn 0.9s}, in analysis order. */
    public String describe() {
        return String.format("analyses %.1fs: ", seconds) + secondsEach.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> String.format("%s %.2fs", e.getKey().id(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
