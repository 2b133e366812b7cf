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
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"family", "base ratio", "now ratio", "spread", "change", "p(slower)", "speed",
                "base loss", "now loss", "quality"});
        for (FamilyResult r : results) {
            SpeedComparison s = r.speed();
            QualityComparison q = r.quality();
            rows.add(new String[] {r.family(), f("%.4f", s.baselineMedian()), f("%.4f", s.nowMedian()),
                    f("%.1f%%", 100 * spread(r.sample().ratioArray())), f("%+.1f%%", 100 * s.change()), p(s.pSlower()),
                    s.verdict().label(), f("%.7g", q.baselineLoss()), f("%.7g", q.nowLoss()), q.verdict().label()});
        }
        return render(rows, 1, 6, 8);
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
