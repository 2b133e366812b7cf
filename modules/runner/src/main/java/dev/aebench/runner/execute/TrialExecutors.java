package dev.aebench.runner.execute;

import dev.aebench.core.error.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens the executor that {@code --executor} names: {@code local} (one child JVM per trial,
 * {@link ChildProcessExecutor}) or a {@link TrialExecutorFactory} on the class path. Asking for
 * the Spark executor on a build without it says how to build it.
 */
public final class TrialExecutors {
    public static final String SPARK = "spark";

    private TrialExecutors() {
    }

    /** Fails fast, before the output folder is touched, when the executor is not in this build or its master is bad. */
    public static void check(String executor, String master, boolean shipData) {
        if (!executor.equals(ExecutorOptions.LOCAL)) {
            factory(executor).checkMaster(master);
        } else if (master != null || shipData) {
            new ExecutorOptions(executor, master, shipData, null, 1, 1, null, null, null, null, null, null); // its one-line error
        }
    }

    public static TrialExecutor open(ExecutorOptions o) {
        if (o.executor().equals(ExecutorOptions.LOCAL)) {
            return new ChildProcessExecutor(o.data(), o.threads(), o.tmpDir(), o.logDir(), o.attempts(), o.artifacts(),
                    o.checkpoints());
        }
        return factory(o.executor()).open(o);
    }

    private static TrialExecutorFactory factory(String executor) {
        List<String> names = new ArrayList<>(List.of(ExecutorOptions.LOCAL));
        for (TrialExecutorFactory f : ServiceLoader.load(TrialExecutorFactory.class)) {
            if (f.name().equals(executor)) {
                return f;
            }
            names.add(f.name());
        }
        if (executor.equals(SPARK)) {
            throw new UserError("--executor spark: this build has no Spark executor; build with the Maven profile spark"
                    + " (AEBENCH_MAVEN_ARGS=-Pspark ./aebench ...)");
        }
        throw new UserError("--executor: expected one of " + String.join(", ", names) + ", found " + executor);
    }
}
