package dev.aebench.runner.execute;

import dev.aebench.core.data.DataLocator;
import dev.aebench.core.data.TrainTestData;
import dev.aebench.runner.plan.PlannedTrial;
import dev.aebench.runner.store.AttemptLog;
import dev.aebench.runner.trial.TrialRunner;

import java.nio.file.Path;

/**
 * Runs trials in the current JVM, loading the data once. For tests and debugging: a crash of a
 * trial here is a crash of the runner, and nothing isolates trials' memory.
 */
public final class InProcessExecutor implements TrialExecutor {
    private final TrialRunner runner;
    private final Path dataDir;
    private final int threads;
    private final Path attempts;
    private final Path artifacts;
    private final SweepCheckpoints checkpoints;
    private TrainTestData data;

    /**
     * @param attempts  the attempt log to write trial starts to, or null
     * @param artifacts the folder for the trials' artifacts, or null for none
     */
    public InProcessExecutor(TrialRunner runner, Path dataDir, int threads, Path attempts, Path artifacts) {
        this(runner, dataDir, threads, attempts, artifacts, null);
    }

    /** @param checkpoints the trials' checkpointing, or null for none */
    public InProcessExecutor(TrialRunner runner, Path dataDir, int threads, Path attempts, Path artifacts,
                             SweepCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.runner = runner;
        this.dataDir = dataDir;
        this.threads = threads;
        this.attempts = attempts;
        this.artifacts = artifacts;
    }

    private synchronized TrainTestData data() {
        if (data == null) {
            data = DataLocator.load(dataDir);
        }
        return data;
    }

    @Override
    public TrialOutcome execute(PlannedTrial trial, TrialListener listener) {
        TrainTestData d;
        try {
            d = data();
        } catch (RuntimeException e) {
            return TrialWork.failure(e, 0);
        }
        AttemptLog.started(attempts, trial.id());
        return TrialWork.run(runner, trial, threads, d, artifacts, checkpoints, listener);
    }
}
