package dev.aebench.perf;

import dev.aebench.core.table.TextTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the gate's tables as aligned plain text. */
public final class GateReport {
    private GateReport() {
    }

    /** The comparison table: one row per family. */
    public static String comparison(List<FamilyResult> results) {
        return comparison(results, null);
    }

    /**
     * The comparison table with, when {@code outcomes} (in the same order) are given, the
     * Hodges-Lehmann ratio now / base and its interval after the change column.
     */
    public static String comparison(List<FamilyResult> results, List<FamilyOutcome> outcomes) {
        List<String[]> rows = new ArrayList<>();
        boolean ci = outcomes != null && !outcomes.isEmpty();
        String ciHeader = ci ? "now/base (" + Math.round(100 * outcomes.get(0).interval().confidence()) + "% CI)" : null;
        rows.add(ci ? new String[] {"family", "base ratio", "now ratio", "spread", "change", ciHeader, "p(slower)", "speed",
                "base loss", "now loss", "quality"}
                : new String[] {"family", "base ratio", "now ratio", "spread", "change", "p(slower)", "speed",
                "base loss", "now loss", "quality"});
        for (int i = 0; i < results.size(); i++) {
            FamilyResult r = results.get(i);
            SpeedComparison s = r.speed();
            QualityComparison q = r.quality();
            List<String> row = new ArrayList<>(List.of(r.family(), f("%.4f", s.baselineMedian()), f("%.4f", s.nowMedian()),
                    f("%.1f%%", 100 * spread(r.sample().ratioArray())), f("%+.1f%%", 100 * s.change())));
            if (ci) {
                row.add(OutcomeMarkdown.interval(outcomes.get(i).interval()));
            }
            row.addAll(List.of(p(s.pSlower()), s.verdict().label(), f("%.7g", q.baselineLoss()), f("%.7g", q.nowLoss()),
                    q.verdict().label()));
            rows.add(row.toArray(String[]::new));
        }
        return ci ? render(rows, 1, 7, 10) : render(rows, 1, 6, 8);
    }

    /** The table of a baseline update: what was measured. */
    public static String measured(Map<String, FamilySample> samples) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"family", "epoch ms", "calibration ms", "ratio", "spread", "final loss", "deterministic"});
        for (FamilySample s : samples.values()) {
            rows.add(new String[] {s.family(), f("%.1f", Stats.median(s.epochMillis())), f("%.1f", Stats.median(s.calibrationMillis())),
                    f("%.4f", Stats.median(s.ratios())), f("%.1f%%", 100 * spread(s.ratioArray())), f("%.7g", s.finalLoss()),
                    s.deterministic() ? "yes" : "NO"});
        }
        return render(rows, 1, 5, 6);
    }

    /** (max - min) / median: how far apart the repeats were. */
    static double spread(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return (s[s.length - 1] - s[0]) / Stats.median(s);
    }

    private static String p(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 1e-4 ? f("%.1e", p) : f("%.4f", p);
    }

    private static String f(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    /** Columns before {@code firstNumeric} and the {@code textColumns} are left-aligned, the rest right-aligned. */
    private static String render(List<String[]> rows, int firstNumeric, int... textColumns) {
        TextTable t = TextTable.withHeader(rows.get(0)).leftAlignedFirst(firstNumeric).leftAligned(textColumns).rule(false);
        rows.subList(1, rows.size()).forEach(t::row);
        return t.render();
    }
}
