/**
 * How trials run: the {@link dev.aebench.runner.execute.TrialExecutor} interface, the
 * {@link dev.aebench.runner.execute.ChildProcessExecutor} that runs each trial in its own JVM
 * ({@link dev.aebench.runner.execute.ChildMain}, which dies with its parent through
 * {@link dev.aebench.runner.execute.ParentWatch} and hands its result back through a file), and
 * the {@link dev.aebench.runner.execute.InProcessExecutor} for tests and debugging. Executors in
 * other modules (Spark) plug in as a {@link dev.aebench.runner.execute.TrialExecutorFactory},
 * opened by name with {@link dev.aebench.runner.execute.ExecutorOptions} through
 * {@link dev.aebench.runner.execute.TrialExecutors}. All turn a trial's exception into a recorded
 * status ({@link dev.aebench.runner.execute.TrialWork}).
 */
package dev.aebench.runner.execute;
