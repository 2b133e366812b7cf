package dev.aebench.runner.execute;

/**
 * An executor outside the runner module, found with {@link java.util.ServiceLoader} by its
 * {@link #name()} (the {@code --executor} value): list the implementation in
 * {@code META-INF/services/dev.aebench.runner.execute.TrialExecutorFactory}. The runner never
 * names such a class, so its dependencies (Spark) stay out of builds that leave the module out.
 */
public interface TrialExecutorFactory {
    /** The {@code --executor} value that selects this executor, e.g. {@code spark}. */
    String name();

    /** Checks the master URL (null: the executor's default) before anything is written; a bad one is a {@link dev.aebench.core.error.UserError}. */
    default void checkMaster(String master) {
    }

    /** Starts the executor; bad options or an unreachable cluster are a {@link dev.aebench.core.error.UserError}. */
    TrialExecutor open(ExecutorOptions options);
}
