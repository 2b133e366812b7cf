package dev.aebench.perf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every family's workload {@code repeats} times, one family after the other in each round,
 * after untimed warm-up rounds (for the JIT); a garbage collection precedes each round. Each run
 * yields one ratio: the median over its epochs of epoch time / neighbouring calibration time
 * (see {@link FamilyWorkload}).
 */
public final class GateMeasurement {
    private final List<FamilyWorkload> workloads;
    private final CalibrationKernel calibration;
    private final Consumer<String> progress;

    public GateMeasurement(List<FamilyWorkload> workloads, CalibrationKernel calibration, Consumer<String> progress) {
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("nothing to measure");
        }
        this.workloads = List.copyOf(workloads);
        this.calibration = calibration;
        this.progress = progress;
    }

    public Map<String, FamilySample> measure(int warmupRounds, int repeats) {
        for (int w = 0; w < warmupRounds; w++) {
            progress.accept("warm-up " + (w + 1) + "/" + warmupRounds);
            for (FamilyWorkload f : workloads) {
                f.run(calibration);
            }
        }
        Map<String, Acc> acc = new LinkedHashMap<>();
        for (FamilyWorkload f : workloads) {
            acc.put(f.family(), new Acc());
        }
        for (int r = 0; r < repeats; r++) {
            progress.accept("repeat " + (r + 1) + "/" + repeats);
            System.gc();
            for (FamilyWorkload f : workloads) {
                acc.get(f.family()).add(f.run(calibration));
            }
        }
        Map<String, FamilySample> out = new LinkedHashMap<>();
        acc.forEach((name, a) -> out.put(name, a.toSample(name)));
        return out;
    }

    private static final class Acc {
        final List<Double> ratios = new ArrayList<>();
        final List<Double> epochMillis = new ArrayList<>();
        final List<Double> calibrationMillis = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();

        void add(WorkloadRun run) {
            ratios.add(run.ratio());
            epochMillis.add(run.epochMillis());
            calibrationMillis.add(run.calibrationMillis());
            losses.add(run.finalLoss());
        }

        FamilySample toSample(String family) {
            return new FamilySample(family, ratios, epochMillis, calibrationMillis, losses);
        }
    }
}
