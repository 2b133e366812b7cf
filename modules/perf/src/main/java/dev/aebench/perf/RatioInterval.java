package dev.aebench.perf;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * The time ratio now / base of one family with a distribution-free confidence interval: the
 * Hodges-Lehmann estimate of the shift between the logarithms of the two samples (the median of
 * all {@code m n} pairwise differences {@code ln now_i - ln base_j}), and the interval between
 * the {@code C}-th smallest and {@code C}-th largest of those differences, with {@code C} from
 * the normal approximation of the Mann-Whitney U distribution:
 * {@code C = floor(m n / 2 - z sqrt(m n (m + n + 1) / 12))}. This is the interval that belongs
 * to the rank test the gate uses: with confidence {@code 1 - 2 alpha} its lower end is above 1
 * about exactly when the one-sided test finds "slower" at level alpha. Everything is
 * exponentiated back, so 1.20 means 20% slower.
 *
 * @param estimate   Hodges-Lehmann ratio
 * @param low        lower end
 * @param high       upper end
 * @param confidence two-sided confidence level of the interval
 */
public record RatioInterval(double estimate, double low, double high, double confidence) {

    public static RatioInterval of(double[] base, double[] now, double confidence) {
        if (base.length < 1 || now.length < 1) {
            throw new IllegalArgumentException("need ratios on both sides");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        int m = base.length;
        int n = now.length;
        double[] d = new double[m * n];
        int k = 0;
        for (double x : now) {
            for (double y : base) {
                d[k++] = Math.log(x) - Math.log(y);
            }
        }
        Arrays.sort(d);
        int c = criticalIndex(m, n, confidence);
        return new RatioInterval(Math.exp(Stats.median(d)), Math.exp(d[c]), Math.exp(d[d.length - 1 - c]), confidence);
    }

    /** The 0-based index of the interval's lower end among the sorted pairwise differences (0 when the samples are too small). */
    static int criticalIndex(int m, int n, double confidence) {
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double mn = (double) m * n;
        int c = (int) Math.floor(mn / 2 - z * Math.sqrt(mn * (m + n + 1) / 12.0));
        return Math.max(0, Math.min(c, (int) (mn - 1) / 2));
    }
}
