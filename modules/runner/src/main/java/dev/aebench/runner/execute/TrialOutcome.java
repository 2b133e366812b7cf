package dev.aebench.runner.execute;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one execution of a trial produced: its status, the result's JSON fields
 * ({@link dev.aebench.core.result.TrialResult#toMap()}, absent unless {@code ok}), the error
 * message (absent when {@code ok}) and the wall seconds it took.
 */
public record TrialOutcome(TrialStatus status, Map<String, Object> result, String error, double seconds) {
    public TrialOutcome {
        result = result == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }

    public static TrialOutcome ok(Map<String, Object> result, double seconds) {
        return new TrialOutcome(TrialStatus.OK, result, null, seconds);
    }

    public static TrialOutcome failed(TrialStatus status, String error, double seconds) {
        return new TrialOutcome(status, null, error, seconds);
    }

    /** A number from the result's {@code metrics}, or NaN. */
    public double metric(String name) {
        Object metrics = result == null ? null : result.get("metrics");
        Object v = metrics instanceof Map<?, ?> m ? m.get(name) : null;
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** As one JSON line: how trial processes and Spark tasks hand outcomes back. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.json());
        m.put("error", error);
        m.put("seconds", seconds);
        m.put("result", result);
        return JsonLines.toLine(m);
    }

    public static TrialOutcome fromJson(String text) {
        try {
            JsonNode n = JsonLines.mapper().readTree(text);
            Map<String, Object> result = n.get("result").isNull() ? null
                    : JsonLines.mapper().convertValue(n.get("result"), new TypeReference<LinkedHashMap<String, Object>>() { });
            return new TrialOutcome(TrialStatus.fromJson(n.get("status").asText()), result,
                    n.get("error").isNull() ? null : n.get("error").asText(), n.get("seconds").asDouble());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable trial result: " + e.getMessage(), e);
        }
    }
}
