/**
 * The Spark trial executor behind {@code aebench run --executor spark}: the
 * {@link dev.aebench.spark.SparkExecutorFactory} the runner finds by name, the master URL
 * ({@link dev.aebench.spark.SparkMaster}, checked before Spark starts), the Spark configuration
 * ({@link dev.aebench.spark.SparkJobConf}: one task per trial with {@code spark.task.cpus} = its
 * threads), and the executor itself ({@link dev.aebench.spark.SparkTrialExecutor}), which submits
 * each trial as a one-task job whose body ({@link dev.aebench.spark.TrialTask}) runs the trial in an
 * executor JVM through the same code as a local trial and hands its outcome, output and artifact
 * back to the driver, the only writer of the results.
 */
package dev.aebench.spark;
