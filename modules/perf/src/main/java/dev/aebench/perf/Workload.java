package dev.aebench.perf;

/**
 * The fixed workload of one family: its default hyperparameters, a fixed seed, synthetic images
 * of Fashion-MNIST's shape ({@value #SIDE}x{@value #SIDE}), batches of {@value #BATCH}, and the
 * amount of training of a {@link WorkloadMode}.
 */
public record Workload(String family, WorkloadMode mode, long seed) {
    public static final int SIDE = 28;
    public static final int BATCH = 128;
    public static final int CLASSES = 10;
    public static final long DATA_SEED = 1;
    public static final long MODEL_SEED = 0;

    public Workload {
        if (family == null || family.isBlank()) {
            throw new IllegalArgumentException("workload needs a family name");
        }
    }

    public static Workload of(String family, WorkloadMode mode) {
        return new Workload(family, mode, MODEL_SEED);
    }

    /** Images in the synthetic training set: one epoch is {@code batchesPerEpoch} full batches. */
    public int images() {
        return mode.batchesPerEpoch() * BATCH;
    }
}
