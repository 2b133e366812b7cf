package dev.aebench.core.metric;

/** What one metric is: its snake_case name, unit, better direction and meaning. */
public record MetricDescription(String name, String unit, Better better, String meaning) {
    public MetricDescription {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("metric names are snake_case, found " + name);
        }
    }
}
