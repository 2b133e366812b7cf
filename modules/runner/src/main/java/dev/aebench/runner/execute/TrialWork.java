package dev.aebench.runner.execute;

import dev.aebench.core.data.TrainTestData;
import dev.aebench.core.error.UserError;
import dev.aebench.core.result.TrialResult;
import dev.aebench.core.train.DivergedException;
import dev.aebench.runner.plan.PlannedTrial;
import dev.aebench.runner.trial.TrialRunner;

/**
 * One trial through the {@link TrialRunner}, its exceptions turned into a status and a one-line
 * message: the code path of every executor's trial (child JVM, this JVM, a Spark task).
 */
public final class TrialWork {
    private TrialWork() {
    }

    /** @param artifacts the folder for the trial's artifact ({@code ID.json}), or null for none */
    public static TrialOutcome run(TrialRunner runner, PlannedTrial trial, int threads, TrainTestData data, java.nio.file.Path artifacts,
                            TrialListener log) {
        return run(runner, trial, threads, data, artifacts, null, log);
    }

    /** As above, with the trial's checkpoint in {@code checkpoints} unless null. */
    static TrialOutcome run(TrialRunner runner, PlannedTrial trial, int threads, TrainTestData data, java.nio.file.Path artifacts,
                            SweepCheckpoints checkpoints, TrialListener log) {
        long t0 = System.nanoTime();
        try {
            TrialResult result = runner.run(trial.spec(threads), data, log::output,
                    artifacts == null ? null : artifacts.resolve(trial.id() + ".json"),
                    checkpoints == null ? null : checkpoints.forTrial(trial.id()));
            return TrialOutcome.ok(result.toMap(), seconds(t0));
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return failure(e, seconds(t0));
        }
    }

    public static TrialOutcome failure(Throwable e, double seconds) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DivergedException) {
                return TrialOutcome.failed(TrialStatus.DIVERGED, oneLine(t.getMessage()), seconds);
            }
        }
        return TrialOutcome.failed(TrialStatus.FAILED, describe(e), seconds);
    }

    static String describe(Throwable e) {
        if (e instanceof UserError) {
            return oneLine(e.getMessage());
        }
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0) {
            sb.append(" (at ").append(trace[0]).append(')');
        }
        return oneLine(sb.toString());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
