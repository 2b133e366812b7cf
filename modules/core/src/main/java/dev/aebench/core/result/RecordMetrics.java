package dev.aebench.core.result;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one stored trial record, read generically: every number in its
 * {@code metrics} object, and every phase of its {@code time} object as {@code time_<phase>}.
 * Records written before metrics had their own object kept them at the top level; for those,
 * every top-level number except the record's own bookkeeping fields is taken as a metric.
 */
public final class RecordMetrics {
    /** Top-level numbers of a record that describe the trial rather than measure it. */
    private static final Set<String> BOOKKEEPING = Set.of("seed", "epochs", "validation", "wall_sec");

    private RecordMetrics() {
    }

    /** Numeric metrics (null as NaN) then the {@code time_} phases, in record order. */
    public static Map<String, Double> numbers(JsonNode record) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode metrics = record.get("metrics");
        if (metrics != null && metrics.isObject()) {
            collect(metrics, "", Set.of(), true, out);
        } else {
            collect(record, "", BOOKKEEPING, false, out);
        }
        JsonNode time = record.get("time");
        if (time != null && time.isObject()) {
            collect(time, "time_", Set.of(), false, out);
        }
        return out;
    }

    /** The numeric lists of a record's metrics (a loss curve, a spectrum), by name. */
    public static Map<String, List<Double>> lists(JsonNode record) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        JsonNode metrics = record.get("metrics");
        JsonNode from = metrics != null && metrics.isObject() ? metrics : record;
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isArray() && v.size() > 0 && allNumbers(v)) {
                java.util.ArrayList<Double> l = new java.util.ArrayList<>();
                v.forEach(x -> l.add(x.isNull() ? Double.NaN : x.asDouble()));
                out.put(e.getKey(), List.copyOf(l));
            }
        }
        return out;
    }

    private static void collect(JsonNode node, String prefix, Set<String> skip, boolean nullsAsNaN,
                                Map<String, Double> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (skip.contains(e.getKey())) {
                continue;
            }
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                out.put(prefix + e.getKey(), v.asDouble());
            } else if (v.isNull() && nullsAsNaN) {
                out.put(e.getKey(), Double.NaN); // a figure written as null (not finite)
            }
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isNumber() && !x.isNull()) {
                return false;
            }
        }
        return true;
    }
}
