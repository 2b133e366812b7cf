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
 * and where it came from ({@code provenance}); for a trial trained with checkpoints, also how it
 * was trained ({@code checkpoint}: {@code attempts}, {@code resumed_from_epoch}, the writes and
 * the checkpoint's size). Serialised as one JSON line.
 *
 * @param checkpoint the {@code checkpoint} object, or null for a trial trained without checkpoints
 */
public record TrialResult(String model, Map<String, String> params, long seed, int epochs, Metrics metrics,
                          Metrics time, Provenance provenance, Map<String, Object> checkpoint) {
    public TrialResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(time, "time");
        checkpoint = checkpoint == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(checkpoint));
    }

    /** A trial trained without checkpoints. */
    public TrialResult(String model, Map<String, String> params, long seed, int epochs, Metrics metrics, Metrics time,
                       Provenance provenance) {
        this(model, params, seed, epochs, metrics, time, provenance, null);
    }

    /** This result with the {@code checkpoint} object {@code fields}. */
    public TrialResult withCheckpoint(Map<String, Object> fields) {
        return new TrialResult(model, params, seed, epochs, metrics, time, provenance, fields);
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
        if (checkpoint != null) {
            m.put("checkpoint", checkpoint);
        }
        m.put("provenance", provenance.toMap());
        return m;
    }
}
