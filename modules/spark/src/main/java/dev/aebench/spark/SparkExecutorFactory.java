package dev.aebench.spark;

import dev.aebench.runner.execute.ExecutorOptions;
import dev.aebench.runner.execute.TrialExecutor;
import dev.aebench.runner.execute.TrialExecutorFactory;
import dev.aebench.runner.execute.TrialExecutors;

/** {@code --executor spark}, found by the runner through {@link java.util.ServiceLoader}. */
public final class SparkExecutorFactory implements TrialExecutorFactory {
    @Override
    public String name() {
        return TrialExecutors.SPARK;
    }

    @Override
    public void checkMaster(String master) {
        SparkMaster.orDefault(master).checkReachable();
    }

    @Override
    public TrialExecutor open(ExecutorOptions options) {
        return SparkTrialExecutor.start(options);
    }
}
