package dev.aebench.runner.execute;

import dev.aebench.core.error.UserError;

import java.nio.file.Path;

/**
 * How {@code aebench run} asks for its trials to be executed: the executor's name ({@code local},
 * or a plugged-in one such as {@code spark}), its master URL (null for the executor's default),
 * whether the data folder travels with the job instead of being read at the same path everywhere,
 * and what every executor needs: the data, the kernel threads per trial, the sweep's parallelism,
 * the experiment's name and the output folder's {@code tmp}, {@code logs}, attempt log and
 * artifacts paths, and the trials' checkpointing (null for none; the local executor's, the Spark
 * executor does not checkpoint its trials yet).
 */
public record ExecutorOptions(String executor, String master, boolean shipData, Path data, int threads, int parallel,
                              String experiment, Path tmpDir, Path logDir, Path attempts, Path artifacts,
                              SweepCheckpoints checkpoints) {
    public static final String LOCAL = "local";

    public ExecutorOptions {
        if (executor == null || executor.isBlank()) {
            throw new UserError("--executor: expected a name (local, spark), found nothing");
        }
        if (threads < 1 || parallel < 1) {
            throw new IllegalArgumentException("threads and parallel must be >= 1: " + threads + ", " + parallel);
        }
        if (executor.equals(LOCAL) && master != null) {
            throw new UserError("--master " + master + ": only with --executor spark (the local executor has no master)");
        }
        if (executor.equals(LOCAL) && shipData) {
            throw new UserError("--ship-data: only with --executor spark (local trials read the data folder in place)");
        }
    }
}
