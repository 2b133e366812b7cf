package dev.aebench.runner.trial;

import dev.aebench.core.checkpoint.CheckpointOptions;
import dev.aebench.core.checkpoint.CheckpointWriter;
import dev.aebench.core.data.DataLocator;
import dev.aebench.core.data.TrainTestData;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.result.TrialResult;
import dev.aebench.runner.testing.IdxFolder;
import org.junit.jupiter.api.BeforeAll;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole trial with a checkpoint file: resumed from a finished checkpoint it reports the same
 * figures; a truncated checkpoint, one of another configuration, and a disk that fails every
 * write each leave the result of an uninterrupted run and one line saying what happened.
 */
class TrialCheckpointTest {
    @TempDir
    static Path tmp;
    static TrainTestData data;
    static TrialResult uninterrupted;
    final TrialRunner runner = new TrialRunner(ModelRegistry.load());
    final List<String> lines = new ArrayList<>();

    static TrialSpec spec(String lr) {
        return new TrialSpec("dae", Map.of("hidden", "8", "batch", "16", "lr", lr), 3, 3, 1, false);
    }

    @BeforeAll
    static void setUp() throws IOException {
        data = DataLocator.load(IdxFolder.write(tmp.resolve("data"), 150, 40, 8, 5));
        uninterrupted = new TrialRunner(ModelRegistry.load()).run(spec("0.001"), data, s -> { });
    }

    private TrialResult run(TrialSpec spec, CheckpointOptions options) {
        return runner.run(spec, data, lines::add, null, options);
    }

    private List<String> notes() {
        return lines.stream().filter(l -> !l.startsWith("epoch ")).toList();
    }

    private static void assertSameTraining(TrialResult expected, TrialResult actual) {
        assertEquals(Double.doubleToRawLongBits(expected.testMse()), Double.doubleToRawLongBits(actual.testMse()));
        assertEquals(expected.metrics().toMap().get("loss_curve"), actual.metrics().toMap().get("loss_curve"));
        assertEquals(expected.metric("noisy_test_mse"), actual.metric("noisy_test_mse"));
    }

    @Test
    void aFinishedCheckpointIsResumedAndTheRecordSaysSo(@TempDir Path dir) {
        CheckpointOptions options = new CheckpointOptions(dir.resolve("t.ckpt"), 0);
        TrialResult first = run(spec("0.001"), options);
        assertSameTraining(uninterrupted, first);
        assertEquals(Map.of("attempts", 1, "resumed_from_epoch", 0, "writes", 3), subset(first.checkpoint()));
        assertEquals(List.of(), notes());
        TrialResult again = run(spec("0.001"), options);
        assertSameTraining(uninterrupted, again);
        assertEquals(Map.of("attempts", 2, "resumed_from_epoch", 3, "writes", 0), subset(again.checkpoint()));
        assertEquals(1, notes().size(), notes().toString());
        assertTrue(notes().get(0).startsWith("resuming from epoch 3 (checkpoint "), notes().get(0));
        assertTrue(again.toMap().containsKey("checkpoint"));
        assertTrue(again.time().toMap().containsKey("checkpoint_sec"));
    }

    @Test
    void aTruncatedCheckpointIsIgnoredWithOneLine(@TempDir Path dir) throws IOException {
        CheckpointOptions options = new CheckpointOptions(dir.resolve("t.ckpt"), 0);
        run(spec("0.001"), options);
        byte[] whole = Files.readAllBytes(options.file());
        Files.write(options.file(), Arrays.copyOf(whole, whole.length - 7));
        TrialResult r = run(spec("0.001"), options);
        assertSameTraining(uninterrupted, r);
        assertEquals(0, r.checkpoint().get("resumed_from_epoch"));
        assertEquals(1, notes().size(), notes().toString());
        assertTrue(notes().get(0).contains("is damaged: truncated"), notes().get(0));
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsIgnoredWithOneLine(@TempDir Path dir) {
        CheckpointOptions options = new CheckpointOptions(dir.resolve("t.ckpt"), 0);
        run(spec("0.01"), options);
        TrialResult r = run(spec("0.001"), options);
        assertSameTraining(uninterrupted, r);
        assertEquals(1, notes().size(), notes().toString());
        assertTrue(notes().get(0).contains("from another configuration or code version (param.lr: expected 0.001, found 0.01)"),
                notes().get(0));
    }

    @Test
    void aDiskThatFailsEveryWriteLeavesTheTrialCorrectWithOneLine(@TempDir Path dir) {
        CheckpointWriter full = (channel, bytes) -> {
            channel.write(ByteBuffer.wrap(new byte[64]));
            throw new IOException("No space left on device");
        };
        TrialResult r = run(spec("0.001"), new CheckpointOptions(dir.resolve("t.ckpt"), 0, full));
        assertSameTraining(uninterrupted, r);
        assertEquals(0, r.checkpoint().get("writes"));
        assertEquals(List.of("cannot write checkpoint " + dir.resolve("t.ckpt").toAbsolutePath()
                + " (IOException: No space left on device); the trial goes on without checkpoints"), notes());
        assertEquals(0, dir.toFile().list().length, "no temporary file left");
    }

    private static Map<String, Object> subset(Map<String, Object> checkpoint) {
        return Map.of("attempts", checkpoint.get("attempts"), "resumed_from_epoch", checkpoint.get("resumed_from_epoch"),
                "writes", checkpoint.get("writes"));
    }
}
