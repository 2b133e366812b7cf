package dev.aebench.perf;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The speed comparison of one family: the ratios measured now against the baseline's. A
 * regression must be both <em>significant</em> (one-sided Mann-Whitney U test that the ratios
 * now are larger, p &lt; alpha) and <em>large</em> (median ratio more than the threshold above the
 * baseline median). The rank test needs no normality and shrugs off the occasional noisy repeat;
 * the threshold keeps a small real drift (another machine, another JDK build) from failing CI.
 *
 * @param baselineMedian median ratio in the baseline
 * @param nowMedian      median ratio now
 * @param change         {@code nowMedian / baselineMedian - 1}
 * @param pSlower        one-sided p-value of "slower now" (normal approximation with average ranks)
 * @param verdict        the outcome
 */
public record SpeedComparison(double baselineMedian, double nowMedian, double change, double pSlower, SpeedVerdict verdict) {

    public static SpeedComparison compare(double[] baseline, double[] now, double threshold, double alpha) {
        if (baseline.length < 2 || now.length < 2) {
            throw new IllegalArgumentException("need at least 2 ratios on each side, found " + baseline.length + " and " + now.length);
        }
        double base = Stats.median(baseline);
        double cur = Stats.median(now);
        double change = cur / base - 1;
        double p = pSlower(baseline, now);
        SpeedVerdict v = SpeedVerdict.OK;
        if (p < alpha && change > threshold) {
            v = SpeedVerdict.SLOWER;
        } else if (1 - p < alpha && change < -threshold) {
            v = SpeedVerdict.FASTER;
        }
        return new SpeedComparison(base, cur, change, p, v);
    }

    /** The medians and change, for information only: the verdict is {@link SpeedVerdict#NOT_COMPARED}. */
    public static SpeedComparison notCompared(double[] baseline, double[] now) {
        double base = Stats.median(baseline);
        double cur = Stats.median(now);
        return new SpeedComparison(base, cur, cur / base - 1, Double.NaN, SpeedVerdict.NOT_COMPARED);
    }

    /**
     * One-sided Mann-Whitney p-value that {@code now} tends to be larger than {@code baseline}:
     * {@code U = R_now - n(n+1)/2}, z = (U - n m / 2) / sqrt(n m (n + m + 1) / 12).
     */
    static double pSlower(double[] baseline, double[] now) {
        int m = baseline.length;
        int n = now.length;
        double[] all = new double[m + n];
        System.arraycopy(baseline, 0, all, 0, m);
        System.arraycopy(now, 0, all, m, n);
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(all);
        double rankSumNow = 0;
        for (int i = m; i < m + n; i++) {
            rankSumNow += ranks[i];
        }
        double u = rankSumNow - n * (n + 1) / 2.0;
        double mean = n * (double) m / 2.0;
        double sd = Math.sqrt(n * (double) m * (n + m + 1) / 12.0);
        return 1 - new NormalDistribution(null, 0, 1).cumulativeProbability((u - mean) / sd);
    }

    public boolean regression() {
        return verdict == SpeedVerdict.SLOWER;
    }
}
