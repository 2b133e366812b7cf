package dev.aebench.finetune;

import dev.aebench.core.metric.MetricDescription;
import dev.aebench.core.metric.MetricProvider;

import java.util.List;

/** The metrics of a fine-tuned classifier. */
public final class FineTuneMetrics implements MetricProvider {
    public static final String FINETUNE_ACC = "finetune_acc";
    public static final String FINETUNE_VAL_ACC = "finetune_val_acc";
    public static final String FINETUNE_SEC_PER_EPOCH = "finetune_sec_per_epoch";
    public static final String FINETUNE_SEC = "finetune_sec";

    @Override
    public List<MetricDescription> metrics() {
        return List.of(
                MetricDescription.higher(FINETUNE_ACC, "fraction",
                        "test accuracy of the encoder plus a softmax layer, fine-tuned end to end with cross-entropy"),
                MetricDescription.higher(FINETUNE_VAL_ACC, "fraction",
                        "the fine-tuned classifier's accuracy on the validation split (trained on the rest)"),
                MetricDescription.lower(FINETUNE_SEC_PER_EPOCH, "s",
                        "wall time of one fine-tuning epoch (median of epochs 2..N)"),
                MetricDescription.lower(FINETUNE_SEC, "s",
                        "wall time to copy the encoder, fine-tune it and score it"));
    }
}
