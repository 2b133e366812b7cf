package dev.aebench.report.stats;

import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's unequal-variance t-test of two samples (Commons Math), with the Welch-Satterthwaite
 * degrees of freedom and Cohen's d on the average variance, d = (mean_a - mean_b) / sqrt((sd_a^2 + sd_b^2) / 2).
 * Undefined (NaN p) with fewer than two values on a side or no variance on either.
 */
public record WelchTest(double t, double df, double p, double d) {
    public static final WelchTest UNDEFINED = new WelchTest(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static WelchTest of(Sample a, Sample b) {
        if (a.n() < 2 || b.n() < 2) {
            return UNDEFINED;
        }
        double va = a.sd() * a.sd();
        double vb = b.sd() * b.sd();
        double d = (a.mean() - b.mean()) / Math.sqrt((va + vb) / 2);
        if (va + vb == 0) {
            return new WelchTest(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        TTest test = new TTest();
        double t = test.t(a.values(), b.values());
        double p = test.tTest(a.values(), b.values());
        double qa = va / a.n();
        double qb = vb / b.n();
        double df = (qa + qb) * (qa + qb) / (qa * qa / (a.n() - 1) + qb * qb / (b.n() - 1));
        return new WelchTest(t, df, p, d);
    }

    public boolean defined() {
        return !Double.isNaN(p);
    }
}
