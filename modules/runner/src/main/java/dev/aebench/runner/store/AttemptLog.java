package dev.aebench.runner.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * {@code attempts.log}: one short line per event, appended with a single write in append mode.
 * A trial's process writes {@code start ID pid=P} when it starts computing; the runner writes
 * {@code recorded ID STATUS} once the result is in {@code trials.jsonl}. It shows how often a
 * trial was attempted, and that no recorded trial was ever started again.
 */
public final class AttemptLog {
    public static final String START = "start";
    public static final String RECORDED = "recorded";

    private AttemptLog() {
    }

    public static void started(Path log, String trialId) {
        append(log, START + " " + trialId + " pid=" + ProcessHandle.current().pid());
    }

    public static void recorded(Path log, String trialId, String status) {
        append(log, RECORDED + " " + trialId + " " + status);
    }

    /** Lines as {@code [event, id, ...]} without the time stamp. */
    public static List<String[]> read(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.substring(l.indexOf(' ') + 1).split(" "))
                .toList();
    }

    private static void append(Path log, String event) {
        if (log == null) {
            return;
        }
        byte[] line = (Instant.now() + " " + event + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(log, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // a diagnostic log: never fail a trial over it
        }
    }
}
