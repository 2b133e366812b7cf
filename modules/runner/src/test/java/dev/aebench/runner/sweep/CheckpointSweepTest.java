package dev.aebench.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;
import dev.aebench.runner.cli.Main;
import dev.aebench.runner.testing.IdxFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep's trials checkpoint in {@code OUT/checkpoints}, each checkpoint removed once its trial
 * is recorded; the record carries the {@code checkpoint} object, PCA's none; {@code --no-checkpoints}
 * writes none; a bad {@code --checkpoint-interval} is one line and exit 2.
 */
class CheckpointSweepTest {
    @TempDir
    Path tmp;

    private int run(StringWriter err, String... extra) throws IOException {
        Path data = IdxFolder.write(tmp.resolve("data"), 100, 30, 8, 3);
        Path file = tmp.resolve("c.yaml");
        Files.writeString(file, "name: c\nvalidation: 20\ndefaults: {epochs: 2, probe: false, metrics: none}\nmodels:\n"
                + "  - {model: ae, set: {hidden: '4', batch: 16}}\n  - {model: pca, set: {k: 3}}\n");
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("run", file.toString(), "--out",
                tmp.resolve("out").toString(), "--in-process", "--no-report", "--data", data.toString()),
                java.util.Arrays.stream(extra)).toArray(String[]::new);
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void checkpointsAreRemovedOnceRecordedAndTheRecordSaysHowTheTrialRan() throws IOException {
        StringWriter err = new StringWriter();
        assertEquals(0, run(err), err.toString());
        Path checkpoints = tmp.resolve("out").resolve("checkpoints");
        assertTrue(Files.isDirectory(checkpoints));
        try (var left = Files.list(checkpoints)) {
            assertEquals(List.of(), left.toList());
        }
        List<JsonNode> records = JsonLines.read(tmp.resolve("out").resolve("trials.jsonl"));
        JsonNode ae = records.stream().filter(r -> r.get("model").asText().equals("ae")).findFirst().orElseThrow();
        assertEquals(1, ae.path("checkpoint").path("attempts").asInt());
        assertEquals(0, ae.path("checkpoint").path("resumed_from_epoch").asInt());
        assertEquals(2, ae.path("checkpoint").path("writes").asInt());
        assertTrue(ae.path("checkpoint").path("bytes").asLong() > 0);
        assertTrue(ae.path("time").has("checkpoint_sec"));
        JsonNode pca = records.stream().filter(r -> r.get("model").asText().equals("pca")).findFirst().orElseThrow();
        assertEquals(0, pca.path("checkpoint").path("writes").asInt(), "PCA trains in one step: nothing to checkpoint");
    }

    @Test
    void noCheckpointsMeansNoCheckpointObject() throws IOException {
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "--no-checkpoints"), err.toString());
        JsonLines.read(tmp.resolve("out").resolve("trials.jsonl")).forEach(r -> assertFalse(r.has("checkpoint")));
    }

    @Test
    void aBadIntervalIsOneLine() throws IOException {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "--checkpoint-interval", "-1"));
        assertEquals("aebench: --checkpoint-interval: expected a number of seconds >= 0, found -1.0", err.toString().trim());
    }
}
