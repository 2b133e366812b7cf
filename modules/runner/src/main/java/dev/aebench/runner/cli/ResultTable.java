package dev.aebench.runner.cli;

import dev.aebench.core.metric.Metrics;
import dev.aebench.core.result.TrialResult;
import dev.aebench.core.table.TextTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trial results as a text table, one row each: the common metrics under short titles first,
 * then every other numeric metric present under its own name (lists such as the loss curve
 * are left to the JSON line and the reports).
 */
final class ResultTable {
    /** Metric name to column title and format, in column order. */
    private static final Map<String, String[]> COMMON = new LinkedHashMap<>();

    static {
        COMMON.put("param_count", new String[] {"params", "%.0f"});
        COMMON.put("sec_per_epoch", new String[] {"s/epoch", "%.3f"});
        COMMON.put("first_epoch_sec", new String[] {"1st epoch s", "%.3f"});
        COMMON.put("final_train_loss", new String[] {"train loss", "%.5f"});
        COMMON.put("test_mse", new String[] {"test MSE", "%.5f"});
        COMMON.put("probe_acc", new String[] {"probe acc", "%.4f"});
        COMMON.put("probe_sec", new String[] {"probe s", "%.1f"});
        COMMON.put("code_dim", new String[] {"code", "%.0f"});
    }

    private ResultTable() {
    }

    static String render(List<TrialResult> results) {
        List<String> header = new ArrayList<>(List.of("model", "epochs"));
        COMMON.values().forEach(c -> header.add(c[0]));
        Set<String> others = new LinkedHashSet<>();
        for (TrialResult r : results) {
            r.metrics().numberNames().stream().filter(n -> !COMMON.containsKey(n)).forEach(others::add);
        }
        header.addAll(others);
        TextTable table = TextTable.withHeader(header).leftAligned(0);
        for (TrialResult r : results) {
            Metrics m = r.metrics();
            List<String> row = new ArrayList<>(List.of(r.model(), Integer.toString(r.epochs())));
            COMMON.forEach((name, c) -> row.add(fmt(m.number(name), c[1])));
            for (String e : others) {
                row.add(m.has(e) ? fmt(m.number(e), "%.5g") : "");
            }
            table.row(row);
        }
        return table.render();
    }

    private static String fmt(double v, String f) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "-";
    }
}
