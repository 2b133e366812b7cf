package dev.aebench.pca;

import dev.aebench.core.metric.MetricDescription;
import dev.aebench.core.metric.MetricProvider;

import java.util.List;

/** PCA's own metrics. */
public final class PcaMetrics implements MetricProvider {
    @Override
    public List<MetricDescription> metrics() {
        return List.of(
                MetricDescription.higher("explained_variance", "fraction",
                        "share of the training data's variance the k components keep"),
                MetricDescription.neither("solver_iterations", "count",
                        "iterations of the eigensolver (0 for the full eigendecomposition)"));
    }
}
