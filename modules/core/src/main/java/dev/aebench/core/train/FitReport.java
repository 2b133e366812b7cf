package dev.aebench.core.train;

import dev.aebench.core.checkpoint.TrainingProgress;

import java.util.Arrays;
import java.util.List;

/**
 * What training produced: mean training loss and wall seconds per epoch. The first epoch of an
 * attempt (a fresh JVM) includes what is left of the JIT warm-up, so the speed figure is the
 * median of the other epochs: epochs 2..N of a run that was never interrupted.
 *
 * @param coldEpochs       zero-based indices of the epochs that were the first of their attempt
 * @param attempts         attempts whose epochs make up this run (1 when it was never resumed)
 * @param resumedFromEpoch the epoch the last attempt continued from (0: it started afresh)
 */
public record FitReport(List<Double> epochLoss, List<Double> epochSeconds, long steps, List<Integer> coldEpochs,
                        int attempts, int resumedFromEpoch) {
    public FitReport {
        epochLoss = List.copyOf(epochLoss);
        epochSeconds = List.copyOf(epochSeconds);
        coldEpochs = List.copyOf(coldEpochs);
    }

    /** A run in one attempt: its first epoch is the only cold one. */
    public FitReport(List<Double> epochLoss, List<Double> epochSeconds, long steps) {
        this(epochLoss, epochSeconds, steps, epochSeconds.isEmpty() ? List.of() : List.of(0), 1, 0);
    }

    /** The report of a run that ended at {@code progress}, resumed from epoch {@code resumedFromEpoch}. */
    public static FitReport of(TrainingProgress progress, int resumedFromEpoch) {
        return new FitReport(progress.epochLoss(), progress.epochSeconds(), progress.steps(), progress.coldEpochs(),
                progress.attempts(), resumedFromEpoch);
    }

    public double firstEpochSeconds() {
        return epochSeconds.isEmpty() ? Double.NaN : epochSeconds.get(0);
    }

    /**
     * Median of the epochs that were not the first of their attempt (epochs 2..N of an
     * uninterrupted run); of epochs 2..N when every epoch was (each attempt ran one); the only
     * epoch when there is one.
     */
    public double secondsPerEpoch() {
        if (epochSeconds.isEmpty()) {
            return Double.NaN;
        }
        if (epochSeconds.size() == 1) {
            return epochSeconds.get(0);
        }
        double[] warm = new double[epochSeconds.size()];
        int n = 0;
        for (int i = 0; i < epochSeconds.size(); i++) {
            if (!coldEpochs.contains(i)) {
                warm[n++] = epochSeconds.get(i);
            }
        }
        if (n == 0) {
            warm = epochSeconds.subList(1, epochSeconds.size()).stream().mapToDouble(Double::doubleValue).toArray();
            n = warm.length;
        }
        warm = Arrays.copyOf(warm, n);
        Arrays.sort(warm);
        return n % 2 == 1 ? warm[n / 2] : (warm[n / 2 - 1] + warm[n / 2]) / 2;
    }

    public double finalLoss() {
        return epochLoss.isEmpty() ? Double.NaN : epochLoss.get(epochLoss.size() - 1);
    }

    public double totalSeconds() {
        return epochSeconds.stream().mapToDouble(Double::doubleValue).sum();
    }
}
