package dev.aebench.spark;

import dev.aebench.core.data.DataLocator;
import dev.aebench.core.error.UserError;
import dev.aebench.runner.execute.ExecutorOptions;
import dev.aebench.runner.execute.TrialExecutor;
import dev.aebench.runner.execute.TrialListener;
import dev.aebench.runner.execute.TrialOutcome;
import dev.aebench.runner.execute.TrialStatus;
import dev.aebench.runner.plan.PlannedTrial;
import dev.aebench.runner.store.AtomicFiles;
import dev.aebench.runner.store.AttemptLog;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs each trial as one Spark job of one task ({@link TrialTask}) in an executor JVM; the
 * sweep's threads submit them concurrently and Spark places them on free slots (each takes
 * {@code spark.task.cpus} = the trial's threads). The reply comes back to this driver, which
 * alone writes: the trial's log ({@code logs/ID.log}), its artifact, and, through the sweep, its
 * record, with {@code executor}, {@code spark_master} and {@code spark_host} added to its
 * provenance. A task attempt Spark retries or a job's result is seen here once, so a trial is
 * recorded once. A stopped context (Ctrl-C, a stopped sweep) cancels, never records; a job that
 * fails (its executor lost beyond Spark's retries) is a failed trial.
 */
final class SparkTrialExecutor implements TrialExecutor {
    private final JavaSparkContext sc;
    private final SparkMaster master;
    private final ExecutorOptions options;
    private final String shippedAs;
    private volatile boolean stopping;

    private SparkTrialExecutor(JavaSparkContext sc, SparkMaster master, ExecutorOptions options, String shippedAs) {
        this.sc = sc;
        this.master = master;
        this.options = options;
        this.shippedAs = shippedAs;
    }

    /** Starts the Spark context (and waits for a cluster's first executor); problems are one-line user errors. */
    static SparkTrialExecutor start(ExecutorOptions o) {
        SparkMaster master = SparkMaster.orDefault(o.master());
        if (master.isLocal() && o.threads() > master.localCores()) {
            throw new UserError("--master " + master + ": " + master.localCores() + " task slot(s), but each trial takes "
                    + o.threads() + " threads (spark.task.cpus); use more local cores, raise --parallel, or set threads in the experiment");
        }
        master.checkReachable();
        if (o.shipData() && DataLocator.isSynthetic(o.data())) {
            throw new UserError("--ship-data: " + o.data() + " is generated, not a folder; nothing to ship");
        }
        SparkConf conf = SparkJobConf.of(master, o);
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (Exception e) { // Scala code throws SparkException undeclared
            throw new UserError("Spark (--master " + master + ") did not start: " + rootMessage(e));
        }
        try {
            String shipped = o.shipData() ? ship(sc, o.data()) : null;
            if (!master.isLocal()) {
                ExecutorWait.firstExecutor(sc, master, o.threads());
            }
            return new SparkTrialExecutor(sc, master, o, shipped);
        } catch (Exception e) {
            sc.stop();
            throw e instanceof UserError u ? u : new UserError("Spark (--master " + master + "): " + rootMessage(e));
        }
    }

    /**
     * Sends the data folder's files with the job (Spark ships files, not local folders, to a
     * cluster); on an executor they lie together in its {@code SparkFiles} folder. Returns the
     * name of the first, by which a task finds that folder.
     */
    private static String ship(JavaSparkContext sc, Path data) throws IOException {
        List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.list(data)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new UserError("--ship-data: " + data + " holds no files to ship");
        }
        for (Path f : files) {
            sc.addFile(f.toAbsolutePath().toString());
        }
        return files.get(0).getFileName().toString();
    }

    @Override
    public TrialOutcome execute(PlannedTrial trial, TrialListener listener) {
        long t0 = System.nanoTime();
        if (stopping) {
            throw new CancellationException("stopping: " + trial.id() + " not started");
        }
        TaskRequest request = new TaskRequest(trial, options.threads(), DataLocator.absolute(options.data()), shippedAs,
                options.artifacts() != null);
        AttemptLog.started(options.attempts(), trial.id());
        String replyJson;
        try {
            sc.setJobGroup("aebench-" + trial.id(), trial.describe(), true);
            replyJson = sc.parallelize(List.of(request.toJson()), 1).map(new TrialTask()).collect().get(0);
        } catch (Exception e) { // SparkException, undeclared
            if (stopping || sc.sc().isStopped()) {
                throw new CancellationException("Spark stopped while " + trial.id() + " ran");
            }
            return TrialOutcome.failed(TrialStatus.FAILED, "Spark task failed: " + rootMessage(e), seconds(t0));
        }
        TaskReply reply = TaskReply.fromJson(replyJson);
        if (reply.dataMissing() != null) {
            throw new UserError(reply.dataMissing());
        }
        writeLog(trial, reply);
        reply.lines().forEach(listener::output);
        if (reply.artifact() != null && options.artifacts() != null) {
            AtomicFiles.write(options.artifacts().resolve(trial.id() + ".json"), reply.artifact());
        }
        TrialOutcome outcome = TrialOutcome.fromJson(reply.outcome());
        return new TrialOutcome(outcome.status(), withSparkProvenance(outcome.result(), reply.host()), outcome.error(),
                seconds(t0));
    }

    /** The result with {@code executor}, {@code spark_master} and {@code spark_host} in its provenance (null stays null). */
    Map<String, Object> withSparkProvenance(Map<String, Object> result, String host) {
        if (result == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(result);
        Map<String, Object> provenance = new LinkedHashMap<>();
        if (result.get("provenance") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> provenance.put(String.valueOf(k), v));
        }
        provenance.put("executor", "spark");
        provenance.put("spark_master", master.url());
        provenance.put("spark_host", host);
        out.put("provenance", provenance);
        return out;
    }

    private void writeLog(PlannedTrial trial, TaskReply reply) {
        if (options.logDir() == null) {
            return;
        }
        try (Writer log = Files.newBufferedWriter(options.logDir().resolve(trial.id() + ".log"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            log.write("=== " + Instant.now() + " " + trial.describe() + " (spark " + master + ", executor " + reply.host()
                    + " pid " + reply.pid() + ")\n");
            for (String line : reply.lines()) {
                log.write(line + "\n");
            }
        } catch (IOException e) {
            throw new UserError("cannot write the log of trial " + trial.id() + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        stopping = true;
        if (!sc.sc().isStopped()) {
            sc.cancelAllJobs();
            sc.stop();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String first = m.strip().lines().findFirst().orElse(m);
        return first.replaceAll("\\s+", " ");
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
