package dev.aebench.probe;

import dev.aebench.core.metric.MetricDescription;
import dev.aebench.core.metric.MetricProvider;

import java.util.List;

/** The linear probe's metrics. */
public final class ProbeMetrics implements MetricProvider {
    public static final String PROBE_ACC = "probe_acc";
    public static final String VAL_PROBE_ACC = "val_probe_acc";
    public static final String PROBE_SEC = "probe_sec";

    @Override
    public List<MetricDescription> metrics() {
        return List.of(
                MetricDescription.higher(PROBE_ACC, "fraction",
                        "test accuracy of a multinomial logistic regression on the frozen codes"),
                MetricDescription.higher(VAL_PROBE_ACC, "fraction",
                        "the same probe's accuracy on the validation split (the probe trained on the rest)"),
                MetricDescription.lower(PROBE_SEC, "s", "wall time to fit the probe and score it"));
    }
}
