package dev.aebench.runner.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the best configuration of each block is chosen on the validation split: the lowest mean
 * reconstruction error ({@code val_mse}) or the highest mean linear-probe accuracy
 * ({@code val_probe_acc}; every block must then run the probe). Reconstruction error always
 * favours the weakest regulariser, so comparisons of regularisation strengths usually want
 * the probe criterion.
 */
public enum Selection {
    VAL_MSE(false),
    VAL_PROBE_ACC(true);

    private final boolean higherIsBetter;

    Selection(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** The metric's name in results, and this choice's name in files. */
    public String metric() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether {@code a} is better than {@code b}. */
    public boolean better(double a, double b) {
        return higherIsBetter ? a > b : a < b;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Selection::metric).toList();
    }

    public static Selection fromMetric(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
