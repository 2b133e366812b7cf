package dev.aebench.report.render;

import dev.aebench.report.stats.Sample;

import java.util.Locale;

/** Number formats of the report: sd to two significant digits and the mean to the same place, p-values to three decimals. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 0.8541 ± 0.0032 (3)}; one value: four significant digits and (1); none: an en dash. */
    public static String meanSd(Sample s) {
        if (s.isEmpty()) {
            return "–";
        }
        if (s.n() < 2 || Double.isNaN(s.sd())) {
            return sig(s.mean()) + " (" + s.n() + ")";
        }
        if (s.sd() == 0) {
            return sig(s.mean()) + " ± 0 (" + s.n() + ")";
        }
        int d = Math.max(0, 1 - (int) Math.floor(Math.log10(s.sd())));
        if (d > 6 || Math.abs(s.mean()) >= 1e6) {
            return String.format(Locale.ROOT, "%.3e ± %.1e (%d)", s.mean(), s.sd(), s.n());
        }
        return String.format(Locale.ROOT, "%." + d + "f ± %." + d + "f (%d)", s.mean(), s.sd(), s.n());
    }

    /** Four significant digits, plain for ordinary magnitudes, scientific for tiny or huge ones. */
    public static String sig(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        if (a >= 1000 || (a >= 1 && v == Math.rint(v))) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        int d = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + d + "f", v);
    }

    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    public static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
