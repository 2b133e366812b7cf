package dev.aebench.core.metric;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a metric means: its snake_case name (the key in a trial's {@code metrics}), its unit
 * ({@code "s"}, {@code "fraction"}, {@code "nats"}, {@code "1"} for dimensionless, ...), which
 * way it improves, and one line on what it measures.
 */
public record MetricDescription(String name, String unit, Better better, String meaning) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public MetricDescription {
        Objects.requireNonNull(better, "better");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name: expected snake_case [a-z][a-z0-9_]*, found " + name);
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("metric " + name + ": expected a unit, found none");
        }
        if (meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException("metric " + name + ": expected a one-line meaning, found none");
        }
    }

    public static MetricDescription lower(String name, String unit, String meaning) {
        return new MetricDescription(name, unit, Better.LOWER, meaning);
    }

    public static MetricDescription higher(String name, String unit, String meaning) {
        return new MetricDescription(name, unit, Better.HIGHER, meaning);
    }

    public static MetricDescription neither(String name, String unit, String meaning) {
        return new MetricDescription(name, unit, Better.NEITHER, meaning);
    }
}
