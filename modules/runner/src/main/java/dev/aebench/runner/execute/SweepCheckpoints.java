package dev.aebench.runner.execute;

import dev.aebench.core.checkpoint.CheckpointOptions;
import dev.aebench.runner.store.ResultStore;

import java.nio.file.Path;

/**
 * Checkpointing of a sweep's trials: each trial keeps {@code DIR/ID.ckpt}, written at epoch
 * ends no more often than every {@code minIntervalSeconds} (see {@link CheckpointOptions}).
 */
public record SweepCheckpoints(Path dir, double minIntervalSeconds) {
    public SweepCheckpoints {
        if (!(minIntervalSeconds >= 0) || Double.isInfinite(minIntervalSeconds)) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0 s, was " + minIntervalSeconds);
        }
    }

    CheckpointOptions forTrial(String id) {
        return new CheckpointOptions(ResultStore.checkpointFile(dir, id), minIntervalSeconds);
    }
}
