package dev.aebench.core.metric;

import java.util.List;

import static dev.aebench.core.metric.MetricDescription.higher;
import static dev.aebench.core.metric.MetricDescription.lower;
import static dev.aebench.core.metric.MetricDescription.neither;

/** The metrics every trained model reports, whatever its family. */
public final class TrialMetrics implements MetricProvider {
    public static final String PARAM_COUNT = "param_count";
    public static final String CODE_DIM = "code_dim";
    public static final String SEC_PER_EPOCH = "sec_per_epoch";
    public static final String FIRST_EPOCH_SEC = "first_epoch_sec";
    public static final String FINAL_TRAIN_LOSS = "final_train_loss";
    public static final String TEST_MSE = "test_mse";
    public static final String VAL_MSE = "val_mse";
    public static final String LOSS_CURVE = "loss_curve";
    public static final String MEAN_CODE_ACTIVATION = "mean_code_activation";
    public static final String NOISY_TEST_MSE = "noisy_test_mse";
    public static final String TEST_PENALTY = "test_penalty";

    @Override
    public List<MetricDescription> metrics() {
        return List.of(
                neither(PARAM_COUNT, "count", "trainable parameters"),
                neither(CODE_DIM, "count", "width of the code (the encoder's output)"),
                lower(SEC_PER_EPOCH, "s", "median wall time of training epochs 2..N"),
                lower(FIRST_EPOCH_SEC, "s", "wall time of the first epoch, with what is left of the JIT warm-up"),
                lower(FINAL_TRAIN_LOSS, "1", "training objective, mean over the last epoch"),
                lower(TEST_MSE, "1", "per-pixel MSE of decode(encode(x)) on the clean test set"),
                lower(VAL_MSE, "1", "per-pixel reconstruction MSE on the validation split (held out from training)"),
                lower(LOSS_CURVE, "1", "training objective per epoch (list)"),
                neither(MEAN_CODE_ACTIVATION, "1", "mean code unit value over the test set"),
                lower(NOISY_TEST_MSE, "1", "MSE against the clean image of reconstructions of corrupted test inputs"),
                neither(TEST_PENALTY, "1", "the weighted regularisation penalty on the test set, per sample"));
    }
}
