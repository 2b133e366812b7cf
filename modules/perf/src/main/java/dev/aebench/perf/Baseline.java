package dev.aebench.perf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The committed baseline: per {@link CpuClass} id, one section per workload mode (by mode label).
 * A check compares only with the section of the machine's own class, so a faster class of CPU
 * never hides a slowdown and a slower one never raises a false alarm.
 */
public record Baseline(Map<String, Map<String, ModeBaseline>> classes) {
    public static final Baseline EMPTY = new Baseline(Map.of());

    public Baseline {
        Map<String, Map<String, ModeBaseline>> c = new TreeMap<>();
        classes.forEach((k, v) -> c.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        classes = Collections.unmodifiableMap(c);
    }

    public Optional<ModeBaseline> mode(String cpuClass, WorkloadMode mode) {
        return Optional.ofNullable(classes.getOrDefault(cpuClass, Map.of()).get(mode.label()));
    }

    /** A copy with {@code mode}'s section of {@code cpuClass} replaced, every other section kept. */
    public Baseline with(String cpuClass, WorkloadMode mode, ModeBaseline section) {
        Map<String, Map<String, ModeBaseline>> all = new TreeMap<>(classes);
        Map<String, ModeBaseline> old = classes.getOrDefault(cpuClass, Map.of());
        Map<String, ModeBaseline> m = new LinkedHashMap<>();
        for (WorkloadMode w : WorkloadMode.values()) {
            ModeBaseline s = w == mode ? section : old.get(w.label());
            if (s != null) {
                m.put(w.label(), s);
            }
        }
        all.put(cpuClass, m);
        return new Baseline(all);
    }
}
