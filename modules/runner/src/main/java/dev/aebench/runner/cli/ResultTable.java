package dev.aebench.runner.cli;

import dev.aebench.core.result.TrialResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A plain aligned text table of trial results, one row each. */
final class ResultTable {
    private ResultTable() {
    }

    static String render(List<TrialResult> results) {
        List<String> header = new ArrayList<>(List.of("model", "params", "epochs", "s/epoch", "1st epoch s",
                "train loss", "test MSE", "probe acc", "probe s", "code"));
        Set<String> extras = new LinkedHashSet<>();
        for (TrialResult r : results) {
            extras.addAll(r.extra().keySet());
        }
        header.addAll(extras);
        List<List<String>> rows = new ArrayList<>();
        for (TrialResult r : results) {
            List<String> row = new ArrayList<>(List.of(r.model(), Long.toString(r.paramCount()),
                    Integer.toString(r.epochs()), fmt(r.secPerEpoch(), "%.3f"), fmt(r.firstEpochSec(), "%.3f"),
                    fmt(r.finalTrainLoss(), "%.5f"), fmt(r.testMse(), "%.5f"), fmt(r.probeAcc(), "%.4f"),
                    fmt(r.probeSec(), "%.1f"), Integer.toString(r.codeDim())));
            for (String e : extras) {
                Double v = r.extra().get(e);
                row.add(v == null ? "" : fmt(v, "%.5g"));
            }
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        sb.append(rule).append('\n');
        for (List<String> row : rows) {
            line(sb, row, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (c > 0) {
                sb.append("  ");
            }
            sb.append(c == 0 ? String.format("%-" + width[c] + "s", cell) : String.format("%" + width[c] + "s", cell));
        }
        sb.append('\n');
    }

    private static String fmt(double v, String f) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "-";
    }
}
