package dev.aebench.spark;

import dev.aebench.core.data.DataLocator;
import dev.aebench.core.data.TrainTestData;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data sets an executor JVM has loaded, one per location: its tasks share them as the trials
 * of an in-process sweep do (a data set is never written after loading), so each executor reads
 * the folder once however many trials it runs.
 */
final class ExecutorData {
    private static final Map<String, TrainTestData> LOADED = new ConcurrentHashMap<>();

    private ExecutorData() {
    }

    static TrainTestData load(Path data) {
        return LOADED.computeIfAbsent(DataLocator.absolute(data), k -> DataLocator.load(data));
    }
}
