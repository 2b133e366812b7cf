package dev.aebench.psd;

import dev.aebench.core.metric.MetricDescription;
import dev.aebench.core.metric.MetricProvider;

import java.util.List;

/** The predictive sparse decomposition's own test metrics. */
public final class PsdMetrics implements MetricProvider {
    @Override
    public List<MetricDescription> metrics() {
        return List.of(
                MetricDescription.neither("code_sparsity", "fraction",
                        "fraction of the encoder's test code entries with |h| < 1e-3"),
                MetricDescription.neither("inferred_code_sparsity", "fraction",
                        "the same fraction for the codes FISTA infers from the encoder's (fista_steps steps)"),
                MetricDescription.lower("inferred_test_mse", "1",
                        "per-pixel MSE of the test set reconstructed from the FISTA-inferred codes"));
    }
}
