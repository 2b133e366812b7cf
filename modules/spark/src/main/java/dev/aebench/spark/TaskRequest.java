package dev.aebench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;
import dev.aebench.runner.plan.PlannedTrial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one Spark task is asked to do, sent as one JSON string: the trial, its kernel threads,
 * the data location as the driver sees it, the name of one file of the data folder shipped with
 * the job (in the executor's {@code SparkFiles} folder with the others; null: read {@code data} in place) and whether to produce the
 * trial's artifacts.
 */
record TaskRequest(PlannedTrial trial, int threads, String data, String shippedAs, boolean artifacts) {
    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", trial.toMap());
        m.put("threads", threads);
        m.put("data", data);
        m.put("shipped_as", shippedAs);
        m.put("artifacts", artifacts);
        return JsonLines.toLine(m);
    }

    static TaskRequest fromJson(String text) {
        try {
            JsonNode n = JsonLines.mapper().readTree(text);
            return new TaskRequest(PlannedTrial.fromJson(n.get("trial")), n.get("threads").asInt(), n.get("data").asText(),
                    n.get("shipped_as").isNull() ? null : n.get("shipped_as").asText(), n.get("artifacts").asBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
