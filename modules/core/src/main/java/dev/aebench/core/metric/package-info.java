/**
 * The open metric schema: a trial's metrics are named values ({@link dev.aebench.core.metric.Metrics}),
 * each described once by the part of the suite that emits it ({@link dev.aebench.core.metric.MetricProvider},
 * collected by {@link dev.aebench.core.metric.MetricCatalog}).
 */
package dev.aebench.core.metric;
