package dev.aebench.perf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The baseline of one {@link WorkloadMode}: how it was measured (threads, calibration, steps,
 * batch, seed, provenance) and every family's reference values.
 */
public record ModeBaseline(BaselineProvenance provenance, int threads, String calibration, int steps, int batch, long seed,
                           Map<String, FamilyBaseline> families) {
    public ModeBaseline {
        families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
    }
}
