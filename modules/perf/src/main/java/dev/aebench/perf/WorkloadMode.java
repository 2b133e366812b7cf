package dev.aebench.perf;

/**
 * How much training one timed workload does: {@code epochs} passes over {@code batchesPerEpoch}
 * batches of {@link Workload#BATCH} images. {@code short} is what CI runs; {@code full} is the
 * default of {@code perf check}. Each mode has its own section in the baseline, since its final
 * loss differs.
 */
public enum WorkloadMode {
    SHORT("short", 10, 10, 7, 2),
    FULL("full", 10, 30, 8, 2);

    private final String label;
    private final int batchesPerEpoch;
    private final int epochs;
    private final int defaultRepeats;
    private final int warmupRounds;

    WorkloadMode(String label, int batchesPerEpoch, int epochs, int defaultRepeats, int warmupRounds) {
        this.label = label;
        this.batchesPerEpoch = batchesPerEpoch;
        this.epochs = epochs;
        this.defaultRepeats = defaultRepeats;
        this.warmupRounds = warmupRounds;
    }

    /** The name used in the baseline file and in reports. */
    public String label() {
        return label;
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    public int epochs() {
        return epochs;
    }

    /** Training steps of one workload run. */
    public int steps() {
        return batchesPerEpoch * epochs;
    }

    public int defaultRepeats() {
        return defaultRepeats;
    }

    /** Untimed rounds over every family before measuring, for the JIT. */
    public int warmupRounds() {
        return warmupRounds;
    }
}
