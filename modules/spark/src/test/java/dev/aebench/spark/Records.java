package dev.aebench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The records of an output folder's {@code trials.jsonl}, every line parsed (a corrupt one throws). */
final class Records {
    private Records() {
    }

    static List<JsonNode> all(Path out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("trials.jsonl"), StandardCharsets.UTF_8)) {
            records.add(JsonLines.mapper().readTree(line));
        }
        return records;
    }

    /** Trial id to the raw bits of its {@code test_mse}. */
    static Map<String, Long> testMseBits(Path out) throws IOException {
        Map<String, Long> bits = new TreeMap<>();
        for (JsonNode r : all(out)) {
            bits.put(r.get("trial_id").asText(), Double.doubleToRawLongBits(r.get("metrics").get("test_mse").asDouble()));
        }
        return bits;
    }
}
