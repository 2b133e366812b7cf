package dev.aebench.report.stats;

import java.util.Arrays;

/**
 * The finite values of one metric over a configuration's ok trials (in seed order), with their
 * mean, sample standard deviation (n - 1) and count, as Tablesaw aggregated them.
 */
public record Sample(double[] values, double mean, double sd, int n) {
    public static final Sample EMPTY = new Sample(new double[0], Double.NaN, Double.NaN, 0);

    public Sample {
        values = values.clone();
    }

    public boolean isEmpty() {
        return n == 0;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && Arrays.equals(values, s.values) && Double.compare(mean, s.mean) == 0
                && Double.compare(sd, s.sd) == 0 && n == s.n;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + n;
    }
}
