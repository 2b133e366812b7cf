package dev.aebench.report.render;

import dev.aebench.report.analysis.Analysis;
import dev.aebench.report.analysis.BlockResult;
import dev.aebench.report.analysis.ConfigResult;
import dev.aebench.report.stats.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.csv}: one row per configuration (block, label, configuration id, varying
 * values, whether selected, trial counts) and, per metric, {@code NAME_mean}, {@code NAME_sd},
 * {@code NAME_n}; numbers in Java's shortest round-trip form, empty where undefined.
 */
final class SummaryCsv {
    private SummaryCsv() {
    }

    static String render(Analysis a) {
        List<String> head = new ArrayList<>(List.of("block", "label", "config_id", "varying", "selected", "planned", "ok",
                "failed", "diverged", "pending"));
        for (String m : a.metrics()) {
            head.add(m + "_mean");
            head.add(m + "_sd");
            head.add(m + "_n");
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head);
        for (BlockResult b : a.blocks()) {
            for (ConfigResult c : b.configs()) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(b.index()), b.label(), c.configId(), c.varying(),
                        Boolean.toString(c == b.selected()), Integer.toString(c.planned()), Integer.toString(c.ok().size()),
                        Integer.toString(c.failed()), Integer.toString(c.diverged()), Integer.toString(c.pending())));
                for (String m : a.metrics()) {
                    Sample s = c.metric(m);
                    row.add(num(s.mean()));
                    row.add(num(s.sd()));
                    row.add(Integer.toString(s.n()));
                }
                line(sb, row);
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(c.matches(".*[\",\\n].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        sb.append('\n');
    }
}
