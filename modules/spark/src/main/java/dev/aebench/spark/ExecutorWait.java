package dev.aebench.spark;

import dev.aebench.core.error.UserError;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Waits, at most {@code spark.aebench.executorWaitSeconds} (default {@value #DEFAULT_SECONDS}),
 * for a standalone cluster to give the application its first executor, so that a cluster without
 * a free worker (or with fewer cores per worker than a trial's threads) is one clear error instead
 * of a sweep that waits forever for resources.
 */
final class ExecutorWait {
    static final int DEFAULT_SECONDS = 60;
    private static final long POLL_MILLIS = 200;

    private ExecutorWait() {
    }

    static void firstExecutor(JavaSparkContext sc, SparkMaster master, int threads) {
        int seconds = sc.getConf().getInt("spark.aebench.executorWaitSeconds", DEFAULT_SECONDS);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (sc.sc().statusTracker().getExecutorInfos().length < 2) { // the driver counts as one
            if (System.nanoTime() > deadline) {
                throw new UserError("--master " + master + ": no executor started within " + seconds + " s; is a worker"
                        + " registered with " + sc.getConf().get("spark.executor.memory") + " free memory and at least "
                        + threads + " free cores (spark.task.cpus)?");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError("interrupted while waiting for a Spark executor");
            }
        }
    }
}
