package dev.aebench.core.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An ordered map from metric name to a number or a list of numbers. */
public final class Metrics {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Metrics put(String name, double value) {
        values.put(name, value);
        return this;
    }

    public Metrics putList(String name, List<Double> value) {
        values.put(name, List.copyOf(value));
        return this;
    }

    public Metrics putAll(Metrics other) {
        values.putAll(other.values);
        return this;
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
