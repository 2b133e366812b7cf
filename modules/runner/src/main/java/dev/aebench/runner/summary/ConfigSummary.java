package dev.aebench.runner.summary;

import dev.aebench.runner.experiment.Selection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configuration of one block: what it is, how many of its seeds were planned and how they
 * ended, its figures over the seeds that finished, and whether validation selected it.
 */
public record ConfigSummary(int block, String blockLabel, String model, String varying, String configId,
                            Map<String, String> params, int planned, int ok, int failed, int diverged,
                            Map<String, Stat> figures, boolean selected) {
    public ConfigSummary {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    ConfigSummary withSelected(boolean s) {
        return new ConfigSummary(block, blockLabel, model, varying, configId, params, planned, ok, failed, diverged,
                figures, s);
    }

    /** The statistics of one figure over this configuration's finished seeds; {@link Stat#NONE} when none has it. */
    public Stat stat(String figure) {
        return figures.getOrDefault(figure, Stat.NONE);
    }

    /** The figure a selection criterion compares. */
    public Stat figure(Selection select) {
        return stat(select.metric());
    }

    /** The varying hyperparameters, or "-" when the block has one configuration. */
    public String configText() {
        return varying.isEmpty() ? "-" : varying;
    }
}
