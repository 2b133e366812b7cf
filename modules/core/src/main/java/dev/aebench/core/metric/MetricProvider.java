package dev.aebench.core.metric;

import java.util.List;

/** Describes the metrics one part of the suite emits; found with {@link java.util.ServiceLoader}. */
public interface MetricProvider {
    List<MetricDescription> metrics();
}
