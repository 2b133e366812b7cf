/**
 * How trials run: the {@link dev.aebench.runner.execute.TrialExecutor} interface, the
 * {@link dev.aebench.runner.execute.ChildProcessExecutor} that runs each trial in its own JVM
 * ({@link dev.aebench.runner.execute.ChildMain}, which dies with its parent through
 * {@link dev.aebench.runner.execute.ParentWatch} and hands its result back through a file), and
 * the {@link dev.aebench.runner.execute.InProcessExecutor} for tests and debugging. Both turn a
 * trial's exception into a recorded status ({@link dev.aebench.runner.execute.TrialWork}).
 */
package dev.aebench.runner.execute;
