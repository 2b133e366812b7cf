package dev.aebench.core.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The checkpointing of one trial, on one {@link CheckpointFile}: resumes from it when it is
 * whole and has this trial's {@link CheckpointFingerprint}, and otherwise says in one line why
 * it was ignored (damaged, from another configuration or code version, unreadable); writes it at
 * the epoch ends {@link CheckpointOptions} asks for. A write that fails (a full disk) is said in
 * one line and ends checkpointing for this attempt; the trial goes on, and the previous
 * checkpoint, if any, stays valid. Counts what the writes cost. Not thread-safe: one trainer
 * calls it; the writes run on a thread of their own, one at a time.
 */
public final class TrialCheckpoints implements Checkpointing {
    private final CheckpointOptions options;
    private final CheckpointFile file;
    private final CheckpointFingerprint fingerprint;
    private final Consumer<String> notes;
    private boolean firstEpochOfAttempt = true;
    private boolean failed;
    private long lastWrite;
    private int resumedFromEpoch;
    private int writes;
    private long bytes;
    private double writeSeconds;
    private double blockedSeconds;
    private FutureTask<Void> inFlight;

    public TrialCheckpoints(CheckpointOptions options, CheckpointFingerprint fingerprint, Consumer<String> notes) {
        this.options = options;
        this.file = new CheckpointFile(options.file(), options.writer());
        this.fingerprint = fingerprint;
        this.notes = notes;
    }

    @Override
    public Optional<TrainingSnapshot> resume() {
        Optional<byte[]> bytesRead;
        try {
            bytesRead = file.read();
        } catch (IOException e) {
            notes.accept("checkpoint " + file.path() + " cannot be read (" + e.getMessage() + "); training from epoch 0");
            return Optional.empty();
        }
        if (bytesRead.isEmpty()) {
            return Optional.empty();
        }
        CheckpointCodec.Decoded d;
        try {
            d = CheckpointCodec.decode(bytesRead.get());
        } catch (DamagedCheckpointException e) {
            notes.accept("checkpoint " + file.path() + " is damaged: " + e.getMessage() + "; ignored, training from epoch 0");
            return Optional.empty();
        }
        String difference = fingerprint.differenceFrom(d.fingerprint());
        if (difference != null) {
            notes.accept("checkpoint " + file.path() + " is from another configuration or code version (" + difference
                    + "); ignored, training from epoch 0");
            return Optional.empty();
        }
        resumedFromEpoch = d.snapshot().progress().epochsDone();
        notes.accept("resuming from epoch " + resumedFromEpoch + " (checkpoint " + file.path() + ", attempt "
                + (d.snapshot().progress().attempts() + 1) + ")");
        return Optional.of(d.snapshot());
    }

    @Override
    public void rejected(String why) {
        resumedFromEpoch = 0;
        notes.accept("checkpoint " + file.path() + " does not fit the model (" + why + "); ignored, training from epoch 0");
    }

    /**
     * Encodes the state (a copy: training may go on) and writes it on a thread of its own, so
     * that the next epoch overlaps the write and its fsync; a write still in flight is waited
     * for first, so at most one is.
     */
    @Override
    public void epochEnd(int epochsDone, int epochs, Supplier<TrainingSnapshot> snapshot) {
        long now = System.nanoTime();
        boolean due = firstEpochOfAttempt || epochsDone == epochs
                || (now - lastWrite) / 1e9 >= options.minIntervalSeconds();
        firstEpochOfAttempt = false;
        if (!due || failed) {
            return;
        }
        awaitWrite();
        if (!failed) {
            try {
                ByteBuffer encoded = CheckpointCodec.encode(fingerprint, snapshot.get());
                FutureTask<Void> write = new FutureTask<>(() -> {
                    long t0 = System.nanoTime();
                    int size = encoded.remaining();
                    file.write(encoded);
                    bytes = size;
                    writes++;
                    writeSeconds += (System.nanoTime() - t0) / 1e9;
                    return null;
                });
                Thread.ofPlatform().daemon().name("checkpoint-writer").start(write);
                inFlight = write;
            } catch (RuntimeException e) {
                fail(e);
            }
        }
        lastWrite = System.nanoTime();
        blockedSeconds += (lastWrite - now) / 1e9;
    }

    @Override
    public void trainingEnded() {
        long t0 = System.nanoTime();
        awaitWrite();
        blockedSeconds += (System.nanoTime() - t0) / 1e9;
    }

    private void awaitWrite() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (ExecutionException e) {
            fail(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } finally {
            inFlight = null;
        }
    }

    private void fail(Throwable e) {
        failed = true;
        notes.accept("cannot write checkpoint " + file.path() + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the trial goes on without checkpoints");
    }

    /** Removes the checkpoint (once the trial's result is safe elsewhere). */
    public void delete() throws IOException {
        file.delete();
    }

    /** The epoch this attempt continued from (0: it started afresh). */
    public int resumedFromEpoch() {
        return resumedFromEpoch;
    }

    /** Checkpoints written by this attempt. */
    public int writes() {
        return writes;
    }

    /** The size of the last checkpoint written, in bytes (0 before the first). */
    public long lastBytes() {
        return bytes;
    }

    /**
     * Wall seconds training waited for checkpoints in this attempt: encoding the state, and any
     * write still in flight at the next checkpoint or at the end.
     */
    public double blockedSeconds() {
        return blockedSeconds;
    }

    /** Wall seconds of this attempt's writes themselves (temporary file, fsync, rename), overlapping training. */
    public double writeSeconds() {
        return writeSeconds;
    }
}
