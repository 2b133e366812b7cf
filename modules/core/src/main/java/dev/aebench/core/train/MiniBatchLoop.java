package dev.aebench.core.train;

import dev.aebench.core.checkpoint.TrainingProgress;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.CounterRandom;

import java.util.SplittableRandom;

/**
 * The epoch loop shared by every gradient-trained model: a seeded reshuffle each epoch, batches
 * gathered into one preallocated buffer, the last partial batch kept, per-epoch mean loss and
 * wall time, and a {@link DivergedException} as soon as the loss stops being finite.
 */
public final class MiniBatchLoop {
    private MiniBatchLoop() {
    }

    public static FitReport run(Dataset train, int epochs, int batchSize, long seed, BatchStep step,
                                EpochListener listener) {
        return run(train, epochs, batchSize, seed, step, listener, TrainingProgress.fresh(), (done, progress) -> { });
    }

    /** As {@link #run}, each batch handed over with its labels, gathered in the same order. */
    public static FitReport runLabelled(Dataset train, int epochs, int batchSize, long seed, LabelledBatchStep step,
                                        EpochListener listener) {
        return loop(train, epochs, batchSize, seed, null, step, listener, TrainingProgress.fresh(), (done, progress) -> { });
    }

    /** Told after each epoch, with the progress so far (the loop's counters and the curve). */
    @FunctionalInterface
    public interface EpochEnd {
        void epochEnd(int epochs, TrainingProgress progress);
    }

    /**
     * Continues from {@code from} (epochs already done, steps taken, the curve so far): epoch
     * {@code e} shuffles with the stream of {@code e} and step seeds depend on the epoch and the
     * batch's position only, so epochs {@code from.epochsDone()..epochs-1} run exactly as they
     * would have without the interruption. The first epoch run here is marked cold.
     */
    public static FitReport run(Dataset train, int epochs, int batchSize, long seed, BatchStep step,
                                EpochListener listener, TrainingProgress from, EpochEnd epochEnd) {
        return loop(train, epochs, batchSize, seed, step, null, listener, from, epochEnd);
    }

    private static FitReport loop(Dataset train, int epochs, int batchSize, long seed, BatchStep step,
                                  LabelledBatchStep labelled, EpochListener listener, TrainingProgress from,
                                  EpochEnd epochEnd) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
        }
        if (from.epochsDone() > epochs) {
            throw new IllegalArgumentException("resuming after epoch " + from.epochsDone() + " of " + epochs);
        }
        int n = train.size();
        int dim = train.dim();
        float[] batch = new float[batchSize * dim];
        int[] batchLabels = labelled == null ? null : new int[batchSize];
        int[] order = new int[n];
        int attempt = from.attempts() + 1;
        TrainingProgress progress = from;
        long steps = from.steps();
        for (int epoch = from.epochsDone(); epoch < epochs; epoch++) {
            long t0 = System.nanoTime();
            shuffle(order, new SplittableRandom(CounterRandom.derive(seed, epoch)));
            double sum = 0;
            for (int start = 0; start < n; start += batchSize) {
                int rows = Math.min(batchSize, n - start);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(train.x(), order[start + r] * dim, batch, r * dim, dim);
                }
                long stepSeed = CounterRandom.derive(seed, 1_000_003L * (epoch + 1) + start);
                double loss;
                if (labelled == null) {
                    loss = step.step(batch, rows, stepSeed);
                } else {
                    for (int r = 0; r < rows; r++) {
                        batchLabels[r] = train.labels()[order[start + r]];
                    }
                    loss = labelled.step(batch, batchLabels, rows, stepSeed);
                }
                steps++;
                if (!Double.isFinite(loss)) {
                    throw new DivergedException(epoch + 1, steps, loss);
                }
                sum += loss * rows;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            progress = progress.plusEpoch(sum / n, secs, steps, epoch == from.epochsDone(), attempt);
            listener.epochDone(epoch + 1, epochs, sum / n, secs);
            epochEnd.epochEnd(epochs, progress);
        }
        return new FitReport(progress.epochLoss(), progress.epochSeconds(), steps, progress.coldEpochs(),
                Math.max(attempt, progress.attempts()), from.epochsDone());
    }

    static void shuffle(int[] order, SplittableRandom rnd) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
