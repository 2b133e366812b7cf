package dev.aebench.core.train;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.CounterRandom;

import java.util.ArrayList;
import java.util.List;
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
        return loop(train, epochs, batchSize, seed, step, null, listener);
    }

    /** As {@link #run}, each batch handed over with its labels, gathered in the same order. */
    public static FitReport runLabelled(Dataset train, int epochs, int batchSize, long seed, LabelledBatchStep step,
                                        EpochListener listener) {
        return loop(train, epochs, batchSize, seed, null, step, listener);
    }

    private static FitReport loop(Dataset train, int epochs, int batchSize, long seed, BatchStep step,
                                  LabelledBatchStep labelled, EpochListener listener) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
        }
        int n = train.size();
        int dim = train.dim();
        float[] batch = new float[batchSize * dim];
        int[] batchLabels = labelled == null ? null : new int[batchSize];
        int[] order = new int[n];
        List<Double> losses = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        long steps = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
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
            losses.add(sum / n);
            seconds.add(secs);
            listener.epochDone(epoch + 1, epochs, sum / n, secs);
        }
        return new FitReport(losses, seconds, steps);
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
