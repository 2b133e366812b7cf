package dev.aebench.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.RecordMetrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a JSON trial line into a {@link TrialRecord}: its figures as core's {@link RecordMetrics}
 * reads them (the nested {@code metrics} object, or the top-level numbers of older records), the
 * phases of its {@code time} object apart.
 */
final class RecordParser {
    private RecordParser() {
    }

    /** The record, or empty when the line is not a trial record (no textual trial_id or status). */
    static Optional<TrialRecord> parse(JsonNode n) {
        JsonNode id = n.get("trial_id");
        JsonNode status = n.get("status");
        if (id == null || !id.isTextual() || status == null || !status.isTextual()) {
            return Optional.empty();
        }
        Map<String, Double> time = new LinkedHashMap<>();
        JsonNode t = n.get("time");
        if (t != null && t.isObject()) {
            t.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    time.put(e.getKey(), e.getValue().asDouble());
                }
            });
        }
        Map<String, Double> metrics = new LinkedHashMap<>(RecordMetrics.numbers(n));
        time.keySet().forEach(k -> metrics.remove("time_" + k));
        Map<String, List<Double>> curves = RecordMetrics.lists(n);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = n.get("params");
        if (p != null && p.isObject()) {
            p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode wall = n.get("wall_sec");
        return Optional.of(new TrialRecord(id.asText(), status.asText(), n.path("config_id").asText(""),
                n.path("model").asText(""), params, n.path("seed").asLong(0), n.path("epochs").asInt(0), metrics, curves,
                time, wall != null && wall.isNumber() ? wall.asDouble() : Double.NaN, n.get("provenance"),
                n.hasNonNull("error") ? n.get("error").asText() : null));
    }
}
