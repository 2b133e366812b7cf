package dev.aebench.report.results;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of {@code trials.jsonl}, normalised: identity, status, what ran, every numeric metric
 * ({@code metrics}) and every numeric-list metric ({@code curves}), the time split and the
 * trial's wall time. Records of either layout are read: metrics in a nested {@code metrics}
 * object, or as top-level fields (older folders).
 *
 * @param metrics  name to value; NaN where a record wrote null
 * @param time     the {@code time} object's entries (empty for older records)
 * @param wallSec  the trial's wall-clock seconds, NaN if absent
 */
public record TrialRecord(String id, String status, String configId, String model, Map<String, String> params, long seed,
                          int epochs, Map<String, Double> metrics, Map<String, List<Double>> curves,
                          Map<String, Double> time, double wallSec, JsonNode provenance, String error) {
    public TrialRecord {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        TreeMap<String, List<Double>> c = new TreeMap<>();
        curves.forEach((k, v) -> c.put(k, List.copyOf(v)));
        curves = Collections.unmodifiableMap(c);
        time = Collections.unmodifiableMap(new TreeMap<>(time));
    }

    public boolean ok() {
        return status.equals("ok");
    }

    /** The metric's value, NaN when absent. */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }
}
