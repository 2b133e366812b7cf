package dev.aebench.finetune;

import dev.aebench.core.metric.Metrics;
import dev.aebench.core.train.FitReport;

/**
 * What fine-tuning measured: accuracy on the test set and on the validation split (NaN without
 * one), the per-epoch cross-entropy and times, and the wall seconds of the whole (copy, training,
 * scoring).
 */
public record FineTuneResult(double testAccuracy, double validationAccuracy, FitReport fit, double seconds) {
    /** {@code finetune_acc}, {@code finetune_val_acc} (with a validation split), {@code finetune_sec_per_epoch}, {@code finetune_sec}. */
    public Metrics metrics() {
        Metrics m = new Metrics();
        m.put(FineTuneMetrics.FINETUNE_ACC, testAccuracy);
        if (!Double.isNaN(validationAccuracy)) {
            m.put(FineTuneMetrics.FINETUNE_VAL_ACC, validationAccuracy);
        }
        m.put(FineTuneMetrics.FINETUNE_SEC_PER_EPOCH, fit.secondsPerEpoch());
        m.put(FineTuneMetrics.FINETUNE_SEC, seconds);
        return m;
    }
}
