package dev.aebench.report.analysis;

import java.util.List;

/**
 * A hyperparameter a block sweeps: its values per configuration (as text and as numbers, NaN
 * where not numeric), and whether they form a geometric grid (plotted on a log axis). A value
 * such as {@code l2:1e-5} counts as the number after its last colon.
 */
public record SweepAxis(String param, List<String> values, double[] numbers, boolean numeric, boolean geometric) {
    public SweepAxis {
        values = List.copyOf(values);
        numbers = numbers.clone();
    }

    @Override
    public double[] numbers() {
        return numbers.clone();
    }

    static SweepAxis of(String param, List<String> values) {
        double[] x = new double[values.size()];
        boolean numeric = true;
        for (int i = 0; i < x.length; i++) {
            x[i] = number(values.get(i));
            numeric &= !Double.isNaN(x[i]);
        }
        boolean geometric = false;
        if (numeric && x.length >= 3) {
            double[] s = x.clone();
            java.util.Arrays.sort(s);
            if (s[0] > 0) {
                double lin = 0;
                double log = 0;
                for (int i = 2; i < s.length; i++) {
                    lin = Math.max(lin, Math.abs((s[i] - s[i - 1]) - (s[1] - s[0])) / (s[s.length - 1] - s[0]));
                    log = Math.max(log, Math.abs(Math.log(s[i] / s[i - 1]) - Math.log(s[1] / s[0]))
                            / Math.log(s[s.length - 1] / s[0]));
                }
                geometric = log < lin || s[s.length - 1] / s[0] >= 100;
            }
        }
        return new SweepAxis(param, values, x, numeric, geometric);
    }

    static double number(String v) {
        String s = v.contains(":") ? v.substring(v.lastIndexOf(':') + 1) : v;
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The axis title: {@code sigma}, or {@code penalty (l2 weight)} for prefixed values. */
    public String title() {
        String v = values.get(0);
        if (numeric && v.contains(":")) {
            return param + " (" + v.substring(0, v.lastIndexOf(':')) + ")";
        }
        return param;
    }

    /** Whether configuration {@code i}'s value is the smallest or largest of a numeric grid of three or more. */
    public String edge(int i) {
        if (!numeric || numbers.length < 3) {
            return null;
        }
        double min = java.util.Arrays.stream(numbers).min().orElseThrow();
        double max = java.util.Arrays.stream(numbers).max().orElseThrow();
        return numbers[i] == min ? "smallest" : numbers[i] == max ? "largest" : null;
    }
}
