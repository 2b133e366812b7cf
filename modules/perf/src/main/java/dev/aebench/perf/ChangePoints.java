package dev.aebench.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Change points of a history series (one family's ratio, run after run), by binary segmentation
 * on the logarithms: the split that most reduces the squared error of a two-level fit
 * ({@code n_l n_r / n (mean_l - mean_r)^2}) is kept when both parts have at least
 * {@code minSegment} runs, their levels differ by at least {@code minShift} (relative) and a
 * two-sided Mann-Whitney test between them gives p &lt; {@code alpha}; each part is then split the
 * same way. The level test guards against a split on noise, the rank test against a split on a
 * single outlier; the minimum segment keeps a lone disturbed run from counting as a change.
 *
 * @param minSegment fewest runs on each side of a change
 * @param minShift   smallest relative change of level (0.05 = 5%)
 * @param alpha      significance level of the two-sided rank test
 */
public record ChangePoints(int minSegment, double minShift, double alpha) {
    public static final ChangePoints DEFAULT = new ChangePoints(3, 0.05, 0.05);

    public ChangePoints {
        if (minSegment < 2) {
            throw new IllegalArgumentException("a segment needs at least 2 runs, was " + minSegment);
        }
    }

    /** One detected change: the first run of the new level and the relative shift of the level. */
    public record Change(int index, double shift) {
    }

    /** The changes of {@code series} in order of index. */
    public List<Change> detect(double[] series) {
        double[] logs = Arrays.stream(series).map(Math::log).toArray();
        List<Change> out = new ArrayList<>();
        split(logs, 0, logs.length, out);
        out.sort((a, b) -> Integer.compare(a.index, b.index));
        return out;
    }

    private void split(double[] x, int from, int to, List<Change> out) {
        int n = to - from;
        if (n < 2 * minSegment) {
            return;
        }
        double total = 0;
        for (int i = from; i < to; i++) {
            total += x[i];
        }
        double left = 0;
        double best = -1;
        int at = -1;
        for (int k = from + 1; k < to; k++) {
            left += x[k - 1];
            int nl = k - from;
            int nr = to - k;
            if (nl < minSegment || nr < minSegment) {
                continue;
            }
            double d = left / nl - (total - left) / nr;
            double gain = (double) nl * nr / n * d * d;
            if (gain > best) {
                best = gain;
                at = k;
            }
        }
        if (at < 0) {
            return;
        }
        double[] a = Arrays.copyOfRange(x, from, at);
        double[] b = Arrays.copyOfRange(x, at, to);
        double shift = Math.exp(mean(b) - mean(a)) - 1;
        double pOne = SpeedComparison.pSlower(a, b);
        double p = 2 * Math.min(pOne, 1 - pOne);
        if (Math.abs(shift) < minShift || !(p < alpha)) {
            return;
        }
        out.add(new Change(at, shift));
        split(x, from, at, out);
        split(x, at, to, out);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
