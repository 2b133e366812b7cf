package dev.aebench.runner.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.checkpoint.CheckpointFile;
import dev.aebench.core.error.UserError;
import dev.aebench.core.result.JsonLines;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The output folder of a sweep, opened for writing: it holds the lock for as long as it is open.
 * Only this process appends to {@code trials.jsonl}, one whole fsynced line per finished trial
 * ({@link JsonLines#append}); a trial counts as done exactly when its line is there.
 */
public final class ResultStore implements AutoCloseable {
    public static final String TRIALS = "trials.jsonl";
    public static final String ATTEMPTS = "attempts.log";
    public static final String EXPERIMENT = "experiment.yaml";
    public static final String CHECKPOINTS = "checkpoints";

    private final Path dir;
    private final RunLock lock;

    private ResultStore(Path dir, RunLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /** Creates the folder if needed, takes the lock and clears results left behind by killed trials. */
    public static ResultStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot create the output folder (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": expected an output folder, found a file");
        }
        RunLock lock = RunLock.acquire(dir);
        ResultStore store = new ResultStore(dir, lock);
        try {
            Files.createDirectories(store.tmpDir());
            Files.createDirectories(store.logDir());
            Files.createDirectories(store.artifactsDir());
            Files.createDirectories(store.checkpointsDir());
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(store.tmpDir())) {
                for (Path p : leftovers) {
                    Files.deleteIfExists(p);
                }
            }
            // half-written checkpoints of killed trials (a whole checkpoint stays: its trial resumes from it)
            try (DirectoryStream<Path> torn = Files.newDirectoryStream(store.checkpointsDir(), "*.ckpt.tmp-*")) {
                for (Path p : torn) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            lock.close();
            throw new UserError(dir + ": cannot prepare the output folder (" + e.getMessage() + ")");
        }
        store.completeAttemptLog();
        return store;
    }

    /**
     * A kill between the fsynced result line and its {@code recorded} event leaves the attempt
     * log one event short; the result line is what counts, so the event is written now.
     */
    private void completeAttemptLog() {
        Set<String> logged = new HashSet<>();
        try {
            for (String[] e : AttemptLog.read(attemptsLog())) {
                if (e.length > 1 && e[0].equals(AttemptLog.RECORDED)) {
                    logged.add(e[1]);
                }
            }
        } catch (IOException e) {
            return; // a diagnostic log: never fail a sweep over it
        }
        for (Map.Entry<String, JsonNode> r : recorded().entrySet()) {
            if (!logged.contains(r.getKey())) {
                JsonNode status = r.getValue().get("status");
                AttemptLog.recorded(attemptsLog(), r.getKey(),
                        (status == null ? "unknown" : status.asText()) + " (event restored on resume)");
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** Where trial processes leave their results for this process to record. */
    public Path tmpDir() {
        return dir.resolve("tmp");
    }

    /** Output of each trial, {@code ID.log}. */
    public Path logDir() {
        return dir.resolve("logs");
    }

    /** Per-trial artifacts for reports, {@code ID.json} (images and 2-D codes; see TrialArtifacts). */
    public Path artifactsDir() {
        return dir.resolve("artifacts");
    }

    /** Checkpoints of unfinished trials, {@code ID.ckpt}, each removed once its trial is recorded. */
    public Path checkpointsDir() {
        return dir.resolve(CHECKPOINTS);
    }

    /** The checkpoint of trial {@code id} in {@code checkpointsDir}: {@code ID.ckpt}. */
    public static Path checkpointFile(Path checkpointsDir, String id) {
        return checkpointsDir.resolve(id + ".ckpt");
    }

    public Path attemptsLog() {
        return dir.resolve(ATTEMPTS);
    }

    /** The first record of each trial id in {@code trials.jsonl}. */
    public Map<String, JsonNode> recorded() {
        return readRecorded(dir);
    }

    /** Records a finished trial: one line with {@code trial_id} and {@code status}. Thread-safe. */
    public synchronized void record(Map<String, Object> line) {
        Object id = line.get("trial_id");
        Object status = line.get("status");
        if (id == null || status == null) {
            throw new IllegalArgumentException("a trial record needs trial_id and status: " + line.keySet());
        }
        JsonLines.append(dir.resolve(TRIALS), line);
        AttemptLog.recorded(attemptsLog(), id.toString(), status.toString());
        removeCheckpoint(id.toString());
    }

    /** The trial is recorded: its checkpoint is of no further use (a failure here only leaves a file behind). */
    private void removeCheckpoint(String id) {
        try {
            new CheckpointFile(checkpointFile(checkpointsDir(), id)).delete();
        } catch (IOException e) {
            // the record is what counts; a recorded trial never runs again, so its checkpoint is never read
        }
    }

    /** Keeps the experiment file's text as run. */
    public void saveExperiment(String source) {
        AtomicFiles.write(dir.resolve(EXPERIMENT), source);
    }

    /** The first record of each trial id in {@code dir/trials.jsonl} (none if absent); torn lines are skipped. */
    public static Map<String, JsonNode> readRecorded(Path dir) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode n : JsonLines.read(dir.resolve(TRIALS))) {
            JsonNode id = n.get("trial_id");
            if (id != null && id.isTextual()) {
                out.putIfAbsent(id.asText(), n);
            }
        }
        return out;
    }

    @Override
    public void close() {
        lock.close();
    }
}
