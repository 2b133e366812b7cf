package dev.aebench.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Spark task hands back to the driver, as one JSON string: the trial's outcome
 * ({@link dev.aebench.runner.execute.TrialOutcome#toJson()}), its output lines, the text of its
 * artifact file (or null), the executor's host and pid, and, instead of an outcome, the problem
 * when the data folder is missing there ({@code dataMissing}: the sweep stops, no trial is recorded).
 */
record TaskReply(String outcome, List<String> lines, String artifact, String host, long pid, String dataMissing) {
    TaskReply {
        lines = List.copyOf(lines);
    }

    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome);
        m.put("lines", lines);
        m.put("artifact", artifact);
        m.put("host", host);
        m.put("pid", pid);
        m.put("data_missing", dataMissing);
        return JsonLines.toLine(m);
    }

    static TaskReply fromJson(String text) {
        try {
            JsonNode n = JsonLines.mapper().readTree(text);
            List<String> lines = JsonLines.mapper().convertValue(n.get("lines"), new TypeReference<List<String>>() { });
            return new TaskReply(text(n, "outcome"), lines, text(n, "artifact"), n.get("host").asText(), n.get("pid").asLong(),
                    text(n, "data_missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The outcome's fields, for tests. */
    Map<String, Object> outcomeMap() {
        try {
            return JsonLines.mapper().readValue(outcome, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
