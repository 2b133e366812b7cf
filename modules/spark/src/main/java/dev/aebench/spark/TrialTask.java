package dev.aebench.spark;

import dev.aebench.core.data.DataLocator;
import dev.aebench.core.data.TrainTestData;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.runner.execute.TrialOutcome;
import dev.aebench.runner.execute.TrialWork;
import dev.aebench.runner.trial.TrialRunner;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.Function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The body of a Spark task, run in an executor JVM: one trial through {@link TrialWork}, the code
 * path of a local trial, with the data read at the driver's path (a shared file system) or from
 * the copy shipped with the job. A trial's own failure is an outcome like any other; a data folder
 * missing on this executor is reported as such instead, so that the driver stops the sweep.
 */
final class TrialTask implements Function<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(String requestJson) {
        TaskRequest r = TaskRequest.fromJson(requestJson);
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        Path data = r.shippedAs() != null ? Path.of(SparkFiles.get(r.shippedAs())).getParent() : Path.of(r.data());
        if (!DataLocator.isSynthetic(data) && !Files.isDirectory(data)) {
            return new TaskReply(null, List.of(), null, host, pid, r.shippedAs() != null
                    ? "the data folder shipped with the job is not at " + data + " on executor " + host
                    : "data folder " + data + " not found on executor " + host
                    + ": give every executor the same path (a shared file system), or pass --ship-data").toJson();
        }
        List<String> lines = new ArrayList<>();
        long t0 = System.nanoTime();
        Path tmp = null;
        TrialOutcome outcome;
        String artifact = null;
        try {
            tmp = r.artifacts() ? Files.createTempDirectory("aebench-trial-") : null;
            TrainTestData loaded = ExecutorData.load(data);
            outcome = TrialWork.run(new TrialRunner(ModelRegistry.load()), r.trial(), r.threads(), loaded, tmp, lines::add);
            Path file = tmp == null ? null : tmp.resolve(r.trial().id() + ".json");
            if (file != null && Files.isRegularFile(file)) {
                artifact = Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (Exception | OutOfMemoryError e) {
            outcome = TrialWork.failure(e, (System.nanoTime() - t0) / 1e9);
        } finally {
            deleteQuietly(tmp);
        }
        return new TaskReply(outcome.toJson(), lines, artifact, host, pid, null).toJson();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: leave it to the OS
        }
    }
}
