package dev.aebench.core.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trial's checkpoint file: what is resumed from and what is ignored (with one line saying
 * why), when it is written, and that a failing write leaves the previous checkpoint and no
 * temporary file behind.
 */
class TrialCheckpointsTest {
    @TempDir
    Path dir;
    final List<String> notes = new ArrayList<>();

    private TrialCheckpoints open(double interval, CheckpointWriter writer) {
        return new TrialCheckpoints(new CheckpointOptions(dir.resolve("t.ckpt"), interval, writer),
                CheckpointCodecTest.FINGERPRINT, notes::add);
    }

    private TrialCheckpoints open() {
        return open(0, CheckpointWriter.DEFAULT);
    }

    /** One attempt's checkpoints at the given epoch ends, its writes finished. */
    private static TrialCheckpoints ends(TrialCheckpoints c, int... epochs) {
        for (int e : epochs) {
            c.epochEnd(e, 5, CheckpointCodecTest::snapshot);
        }
        c.trainingEnded();
        return c;
    }

    @Test
    void noFileMeansAFreshStartWithoutANote() {
        assertTrue(open().resume().isEmpty());
        assertEquals(List.of(), notes);
    }

    @Test
    void aWrittenCheckpointIsResumedFrom() {
        ends(open(), 3);
        TrialCheckpoints again = open();
        TrainingSnapshot s = again.resume().orElseThrow();
        assertEquals(3, s.progress().epochsDone());
        assertEquals(3, again.resumedFromEpoch());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("resuming from epoch 3 (checkpoint "), notes.get(0));
    }

    @Test
    void aTruncatedCheckpointIsIgnoredWithOneLine() throws IOException {
        ends(open(), 3);
        Path f = dir.resolve("t.ckpt");
        byte[] whole = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(whole, whole.length / 2));
        assertTrue(open().resume().isEmpty());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).matches("checkpoint .*t\\.ckpt is damaged: truncated \\(\\d+ of \\d+ bytes\\); "
                + "ignored, training from epoch 0"), notes.get(0));
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsIgnoredWithOneLine() {
        ends(new TrialCheckpoints(new CheckpointOptions(dir.resolve("t.ckpt"), 0), new CheckpointFingerprint(
                Map.of("model", "ae", "seed", "4", "commit", "abc")), notes::add), 3);
        assertTrue(open().resume().isEmpty());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).endsWith("is from another configuration or code version (seed: expected 3, found 4); "
                + "ignored, training from epoch 0"), notes.get(0));
    }

    @Test
    void aFailingWriteSaysSoOnceKeepsThePreviousCheckpointAndLeavesNoTemporaryFile() throws IOException {
        ends(open(), 1);
        CheckpointWriter fullDisk = (channel, bytes) -> {
            channel.write(ByteBuffer.wrap(new byte[100]));
            throw new IOException("No space left on device");
        };
        TrialCheckpoints failing = ends(open(0, fullDisk), 2, 3, 4);
        assertEquals(List.of("cannot write checkpoint " + dir.resolve("t.ckpt").toAbsolutePath()
                + " (IOException: No space left on device); the trial goes on without checkpoints"), notes);
        assertEquals(0, failing.writes());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("t.ckpt"), files.map(p -> p.getFileName().toString()).toList());
        }
        notes.clear();
        assertEquals(3, open().resume().orElseThrow().progress().epochsDone(), "the earlier checkpoint is intact");
    }

    @Test
    void writesTheFirstAndLastEpochOfAnAttemptAndOthersAfterTheInterval() {
        assertEquals(2, ends(open(1e9, CheckpointWriter.DEFAULT), 1, 2, 3, 4, 5).writes());
        TrialCheckpoints every = ends(open(0, CheckpointWriter.DEFAULT), 1, 2, 3, 4, 5);
        assertEquals(5, every.writes());
        assertTrue(every.lastBytes() > 0);
        assertFalse(notes.stream().anyMatch(n -> n.startsWith("cannot")), notes.toString());
    }

    @Test
    void deleteRemovesTheFileAndLeftoverTemporaries() throws IOException {
        ends(open(), 1);
        Files.writeString(dir.resolve("t.ckpt.tmp-12345"), "half");
        open().delete();
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
