package dev.aebench.perf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The committed baseline: one section per workload mode, by mode label. */
public record Baseline(Map<String, ModeBaseline> modes) {
    public static final Baseline EMPTY = new Baseline(Map.of());

    public Baseline {
        modes = Collections.unmodifiableMap(new LinkedHashMap<>(modes));
    }

    public Optional<ModeBaseline> mode(WorkloadMode mode) {
        return Optional.ofNullable(modes.get(mode.label()));
    }

    /** A copy with {@code mode}'s section replaced, the other sections kept. */
    public Baseline with(WorkloadMode mode, ModeBaseline section) {
        Map<String, ModeBaseline> m = new LinkedHashMap<>();
        for (WorkloadMode w : WorkloadMode.values()) {
            ModeBaseline s = w == mode ? section : modes.get(w.label());
            if (s != null) {
                m.put(w.label(), s);
            }
        }
        return new Baseline(m);
    }
}
