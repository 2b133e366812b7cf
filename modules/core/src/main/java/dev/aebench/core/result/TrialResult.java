package dev.aebench.core.result;

import dev.aebench.core.metric.Metrics;
import dev.aebench.core.metric.TrialMetrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one trial: what was trained ({@code model}, resolved {@code params}, seed,
 * epochs), what was measured ({@code metrics}: every figure by name, see
 * {@link dev.aebench.core.metric}), where the wall time went ({@code time}, seconds by phase)
 * and where it came from ({@code provenance}). Serialised as one JSON line.
 */
public record TrialResult(String model, Map<String, String> params, long seed, int epochs, Metrics metrics,
                          Metrics time, Provenance provenance) {
    public TrialResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(time, "time");
    }

    public double metric(String name) {
        return metrics.number(name);
    }

    public double testMse() {
        return metrics.number(TrialMetrics.TEST_MSE);
    }

    /** Ordered fields for the JSON line; non-finite numbers become null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("params", params);
        m.put("seed", seed);
        m.put("epochs", epochs);
        m.put("metrics", metrics.toMap());
        m.put("time", time.toMap());
        m.put("provenance", provenance.toMap());
        return m;
    }
}
