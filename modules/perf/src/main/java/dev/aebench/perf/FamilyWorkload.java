package dev.aebench.perf;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Workload} made runnable: the family's default configuration, the synthetic data and
 * the kernels are prepared once; each {@link #run} builds a fresh model (untimed) and trains it,
 * timing every epoch and running the calibration between epochs, so that each epoch's time is
 * divided by the calibrations measured right before and right after it. Every run trains from the
 * same initial weights and ends at the same loss.
 */
public final class FamilyWorkload {
    private final Workload workload;
    private final ModelFamily family;
    private final ModelConfig config;
    private final Dataset data;
    private final Kernels kernels;
    private final long seed;
    private final Duration sleepPerEpoch;

    public FamilyWorkload(Workload workload, ModelFamily family, Kernels kernels, InjectedFaults faults) {
        this.workload = workload;
        this.family = family;
        this.config = ModelConfig.resolve(family, Map.of());
        this.data = SyntheticImages.generate(workload.images(), Workload.SIDE, Workload.CLASSES, Workload.DATA_SEED);
        this.kernels = kernels;
        this.seed = faults.seedFor(workload.family(), workload.seed());
        this.sleepPerEpoch = faults.sleepPerStep(workload.family()).multipliedBy(workload.mode().batchesPerEpoch());
    }

    public String family() {
        return workload.family();
    }

    public WorkloadRun run(CalibrationKernel calibration) {
        Autoencoder model = family.create(config, new ModelContext(Workload.SIDE, Workload.SIDE, seed, kernels));
        EpochTimer timer = new EpochTimer(calibration);
        FitReport report = model.fit(data, workload.mode().epochs(), timer);
        return new WorkloadRun(timer.ratios, Stats.median(timer.epochMillis), Stats.median(timer.calibrationMillis), report.finalLoss());
    }

    /**
     * Told at the end of every epoch: stops the epoch's clock (after the injected sleep, if any),
     * runs the calibration, and restarts the clock for the next epoch.
     */
    private final class EpochTimer implements EpochListener {
        final CalibrationKernel calibration;
        final List<Double> ratios = new ArrayList<>();
        final List<Double> epochMillis = new ArrayList<>();
        final List<Double> calibrationMillis = new ArrayList<>();
        long previousCalibration;
        long epochStart;

        EpochTimer(CalibrationKernel calibration) {
            this.calibration = calibration;
            this.previousCalibration = calibration.timeNanos();
            this.epochStart = System.nanoTime();
        }

        @Override
        public void epochDone(int epoch, int epochs, double meanLoss, double seconds) {
            if (!sleepPerEpoch.isZero()) {
                sleep(sleepPerEpoch);
            }
            long epochNanos = System.nanoTime() - epochStart;
            long cal = calibration.timeNanos();
            ratios.add(epochNanos / ((previousCalibration + cal) / 2.0));
            epochMillis.add(epochNanos / 1e6);
            calibrationMillis.add(cal / 1e6);
            previousCalibration = cal;
            epochStart = System.nanoTime();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
