package dev.aebench.core.train;

import java.util.Arrays;
import java.util.List;

/**
 * What training produced: mean training loss and wall seconds per epoch. The first epoch
 * includes JIT warm-up, so the speed figure is the median of epochs 2..N.
 */
public record FitReport(List<Double> epochLoss, List<Double> epochSeconds, long steps) {
    public FitReport {
        epochLoss = List.copyOf(epochLoss);
        epochSeconds = List.copyOf(epochSeconds);
    }

    public double firstEpochSeconds() {
        return epochSeconds.isEmpty() ? Double.NaN : epochSeconds.get(0);
    }

    /** Median of epochs 2..N; the only epoch when there is one. */
    public double secondsPerEpoch() {
        if (epochSeconds.isEmpty()) {
            return Double.NaN;
        }
        if (epochSeconds.size() == 1) {
            return epochSeconds.get(0);
        }
        double[] warm = epochSeconds.subList(1, epochSeconds.size()).stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(warm);
        int n = warm.length;
        return n % 2 == 1 ? warm[n / 2] : (warm[n / 2 - 1] + warm[n / 2]) / 2;
    }

    public double finalLoss() {
        return epochLoss.isEmpty() ? Double.NaN : epochLoss.get(epochLoss.size() - 1);
    }

    public double totalSeconds() {
        return epochSeconds.stream().mapToDouble(Double::doubleValue).sum();
    }
}
