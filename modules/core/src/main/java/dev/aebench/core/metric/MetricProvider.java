package dev.aebench.core.metric;

import java.util.List;

/**
 * Describes the metrics one part of the suite writes into trial results (a family, a penalty,
 * the probe, an analysis). Found with {@link java.util.ServiceLoader}: list the implementation
 * in {@code META-INF/services/dev.aebench.core.metric.MetricProvider}.
 */
public interface MetricProvider {
    List<MetricDescription> metrics();
}
