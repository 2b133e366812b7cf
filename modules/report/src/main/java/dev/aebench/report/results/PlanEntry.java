package dev.aebench.report.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One (block, configuration, seed) entry of {@code plan.json}. */
public record PlanEntry(String id, String configId, int block, String blockLabel, String varying, String model,
                        Map<String, String> params, long seed, int epochs, boolean probe, int validation) {
    public PlanEntry {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
