package dev.aebench.core.train;

import dev.aebench.core.checkpoint.CheckpointFingerprint;
import dev.aebench.core.checkpoint.CheckpointOptions;
import dev.aebench.core.checkpoint.TrialCheckpoints;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.testing.ResumeCheck;
import dev.aebench.core.testing.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resuming a dense autoencoder from checkpoints: the same bits wherever it is stopped, the
 * attempts and the epoch it resumed from reported, and the speed figure taken from epochs that
 * were not the first of their attempt.
 */
class ResumeTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final Dataset TRAIN = TestModels.images(100, 1);
    private static final Dataset TEST = TestModels.images(30, 2);

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    @Test
    void stoppedAfterAnyEpochsTheRunEndsWithTheSameBits() {
        ResumeCheck.Outcome o = ResumeCheck.assertResumesExactly(
                () -> TestModels.dense(KERNELS, Activation.SIGMOID, "none", 5, 8), TRAIN, TEST, 6, new int[] {1, 2, 5}, 0,
                dir);
        assertEquals(4, o.resumed().attempts());
        assertEquals(5, o.resumed().resumedFromEpoch());
        assertEquals(List.of(0, 1, 2, 5), o.resumed().coldEpochs());
    }

    @Test
    void aKillBetweenCheckpointsRepeatsTheLostEpochsExactly() {
        // an interval longer than the run: each attempt writes only its first epoch (and the last)
        ResumeCheck.Outcome o = ResumeCheck.assertResumesExactly(
                () -> TestModels.dense(KERNELS, Activation.TANH, "none", 6, 8, 4), TRAIN, TEST, 6, new int[] {3, 4}, 1e9,
                dir);
        assertEquals(List.of(0, 1, 2), o.resumed().coldEpochs()); // attempt 2 resumed after epoch 1, attempt 3 after 2
        assertEquals(2, o.resumed().resumedFromEpoch());
    }

    @Test
    void killedAfterTheLastEpochTheResultComesFromTheCheckpoint() {
        ResumeCheck.Outcome o = ResumeCheck.assertResumesExactly(
                () -> TestModels.dense(KERNELS, Activation.SIGMOID, "none", 7, 8), TRAIN, TEST, 3, new int[] {3}, 0, dir);
        assertEquals(3, o.resumed().resumedFromEpoch());
        assertEquals(2, o.resumed().attempts());
    }

    @Test
    void aCheckpointOfAnotherShapeIsNotRestored() {
        List<String> notes = new ArrayList<>();
        CheckpointOptions options = new CheckpointOptions(dir.resolve("t.ckpt"), 0);
        CheckpointFingerprint same = new CheckpointFingerprint(Map.of("trial", "x"));
        TestModels.dense(KERNELS, Activation.SIGMOID, "none", 5, 8)
                .fit(TRAIN, 2, EpochListener.NONE, new TrialCheckpoints(options, same, notes::add));
        FitReport fresh = TestModels.dense(KERNELS, Activation.SIGMOID, "none", 5, 4)
                .fit(TRAIN, 2, EpochListener.NONE, new TrialCheckpoints(options, same, notes::add));
        assertEquals(0, fresh.resumedFromEpoch());
        assertEquals(1, fresh.attempts());
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(1).contains("does not fit the model (expected 148 parameters, found 280); ignored"),
                notes.get(1));
        FitReport plain = TestModels.dense(KERNELS, Activation.SIGMOID, "none", 5, 4).fit(TRAIN, 2, EpochListener.NONE);
        assertEquals(plain.epochLoss(), fresh.epochLoss());
    }

    @Test
    void secondsPerEpochLeaveOutEachAttemptsFirstEpoch() {
        FitReport r = new FitReport(List.of(1.0, 1.0, 1.0, 1.0, 1.0), List.of(9.0, 2.0, 8.0, 3.0, 4.0), 50,
                List.of(0, 2), 2, 2);
        assertEquals(3.0, r.secondsPerEpoch());
        assertEquals(9.0, r.firstEpochSeconds());
        FitReport allCold = new FitReport(List.of(1.0, 1.0, 1.0), List.of(9.0, 2.0, 4.0), 30, List.of(0, 1, 2), 3, 2);
        assertEquals(3.0, allCold.secondsPerEpoch());
        assertEquals(List.of(0), new FitReport(List.of(1.0), List.of(2.0), 1).coldEpochs());
    }
}
