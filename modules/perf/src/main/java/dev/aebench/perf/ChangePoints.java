package dev.aebench.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Change points of a history series (one family's ratio, run after run), by a two-window scan:
 * at every run {@code k} the {@code window} runs before it are compared with the {@code window}
 * runs from it on (fewer near the ends, never fewer than {@value #MIN_SIDE}). A run is a candidate
 * when the two windows' levels (geometric means) differ by at least {@code minShift} and a
 * two-sided Mann-Whitney test between them gives p &lt; {@code alpha}; of adjacent candidates
 * with the same direction, the one with the largest shift is the change. The level test ignores
 * noise, the rank test a lone disturbed run, and a regression followed a few runs later by its
 * fix shows as two changes (which a single split of the whole series would not find).
 *
 * @param window   runs on each side of a candidate
 * @param minShift smallest relative change of level (0.05 = 5%)
 * @param alpha    significance level of the two-sided rank test
 */
public record ChangePoints(int window, double minShift, double alpha) {
    /** The fewest runs on each side of a change. */
    public static final int MIN_SIDE = 3;
    public static final ChangePoints DEFAULT = new ChangePoints(4, 0.05, 0.05);

    public ChangePoints {
        if (window < MIN_SIDE) {
            throw new IllegalArgumentException("a window needs at least " + MIN_SIDE + " runs, was " + window);
        }
    }

    /** One detected change: the first run of the new level and the relative shift of the level. */
    public record Change(int index, double shift) {
    }

    /** The changes of {@code series} in order of index. */
    public List<Change> detect(double[] series) {
        double[] x = Arrays.stream(series).map(Math::log).toArray();
        int n = x.length;
        Change[] candidate = new Change[n];
        for (int k = MIN_SIDE; k <= n - MIN_SIDE; k++) {
            int w = Math.min(window, Math.min(k, n - k));
            double[] before = Arrays.copyOfRange(x, k - w, k);
            double[] after = Arrays.copyOfRange(x, k, k + w);
            double shift = Math.exp(mean(after) - mean(before)) - 1;
            double pOne = SpeedComparison.pSlower(before, after);
            double p = 2 * Math.min(pOne, 1 - pOne);
            if (Math.abs(shift) >= minShift && p < alpha) {
                candidate[k] = new Change(k, shift);
            }
        }
        List<Change> out = new ArrayList<>();
        int k = 0;
        while (k < n) {
            if (candidate[k] == null) {
                k++;
                continue;
            }
            Change best = candidate[k];
            int j = k + 1;
            while (j < n && candidate[j] != null && Math.signum(candidate[j].shift()) == Math.signum(best.shift())) {
                if (Math.abs(candidate[j].shift()) > Math.abs(best.shift())) {
                    best = candidate[j];
                }
                j++;
            }
            out.add(best);
            k = j;
        }
        return out;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
