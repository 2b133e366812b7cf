package dev.aebench.perf;

import java.util.List;

/**
 * One run of a workload: for each epoch, its time divided by the mean of the calibrations timed
 * right before and right after it; the median epoch and calibration times (for humans); and the
 * final training loss.
 */
public record WorkloadRun(List<Double> epochRatios, double epochMillis, double calibrationMillis, double finalLoss) {
    public WorkloadRun {
        epochRatios = List.copyOf(epochRatios);
        if (epochRatios.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one epoch");
        }
    }

    /** The run's ratio: the median over its epochs, so a disturbed epoch or two do not move it. */
    public double ratio() {
        return Stats.median(epochRatios);
    }
}
