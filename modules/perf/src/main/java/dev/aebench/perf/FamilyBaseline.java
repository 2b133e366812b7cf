package dev.aebench.perf;

import java.util.List;

/**
 * A family's reference values: the ratios of the baseline run, its final loss, and the median
 * epoch and calibration times they came from (for humans; only ratios and loss are compared).
 */
public record FamilyBaseline(List<Double> ratios, double finalLoss, double epochMillis, double calibrationMillis) {
    public FamilyBaseline {
        ratios = List.copyOf(ratios);
        if (ratios.size() < 2) {
            throw new IllegalArgumentException("a baseline needs at least 2 ratios, found " + ratios.size());
        }
    }

    public static FamilyBaseline of(FamilySample s) {
        return new FamilyBaseline(s.ratios(), s.finalLoss(), Stats.median(s.epochMillis()), Stats.median(s.calibrationMillis()));
    }

    public double[] ratioArray() {
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
