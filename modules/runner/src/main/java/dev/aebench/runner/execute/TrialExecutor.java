package dev.aebench.runner.execute;

import dev.aebench.runner.plan.PlannedTrial;

/**
 * Runs one planned trial and returns how it ended; never throws for a trial's own failure (that
 * is an outcome), only {@link java.util.concurrent.CancellationException} when the executor was
 * stopped or interrupted meanwhile (such a trial must not be recorded). Called from several threads at once when trials run in parallel. Today: local
 * child processes ({@link ChildProcessExecutor}) or the current JVM ({@link InProcessExecutor}).
 */
public interface TrialExecutor extends AutoCloseable {
    TrialOutcome execute(PlannedTrial trial, TrialListener listener);

    /** Stops whatever still runs. */
    @Override
    default void close() {
    }
}
