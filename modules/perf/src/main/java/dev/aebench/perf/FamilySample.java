package dev.aebench.perf;

import java.util.List;

/**
 * What the repeats measured for one family: per repeat, its ratio (median over epochs of epoch
 * time / calibration time), the median epoch and calibration times it came from (milliseconds)
 * and the final training loss.
 */
public record FamilySample(String family, List<Double> ratios, List<Double> epochMillis,
                           List<Double> calibrationMillis, List<Double> finalLosses) {
    public FamilySample {
        ratios = List.copyOf(ratios);
        epochMillis = List.copyOf(epochMillis);
        calibrationMillis = List.copyOf(calibrationMillis);
        finalLosses = List.copyOf(finalLosses);
        if (ratios.isEmpty() || ratios.size() != epochMillis.size() || ratios.size() != calibrationMillis.size()
                || ratios.size() != finalLosses.size()) {
            throw new IllegalArgumentException("a sample needs the same positive number of ratios, times and losses");
        }
    }

    public double[] ratioArray() {
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double finalLoss() {
        return finalLosses.get(0);
    }

    /** Whether every repeat ended at exactly the same loss, as deterministic kernels promise. */
    public boolean deterministic() {
        double first = finalLosses.get(0);
        return finalLosses.stream().allMatch(l -> Double.compare(l, first) == 0);
    }
}
