package dev.aebench.runner.summary;

import java.util.Locale;

/** Mean and sample standard deviation of one figure over the seeds that have it ({@code n}). */
public record Stat(double mean, double sd, int n) {
    public static final Stat NONE = new Stat(Double.NaN, Double.NaN, 0);

    /** {@code mean ± sd} with {@code digits} decimals; just the mean for one value; "-" for none. */
    public String format(int digits) {
        if (n == 0 || !Double.isFinite(mean)) {
            return "-";
        }
        String f = "%." + digits + "f";
        String m = String.format(Locale.ROOT, f, mean);
        return n > 1 && Double.isFinite(sd) ? m + " ± " + String.format(Locale.ROOT, f, sd) : m;
    }
}
