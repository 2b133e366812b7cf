/**
 * The open metric schema. A trial's measurements are a {@link dev.aebench.core.metric.Metrics}
 * map, name to number or list of numbers, so a new figure needs no change to the result record,
 * the summaries or the reports. What each name means (unit, which way is better, one line) is
 * contributed by the part of the suite that writes it, as a
 * {@link dev.aebench.core.metric.MetricProvider} found by {@code ServiceLoader}; the
 * {@link dev.aebench.core.metric.MetricCatalog} collects them for {@code aebench metrics},
 * summaries and reports.
 */
package dev.aebench.core.metric;
