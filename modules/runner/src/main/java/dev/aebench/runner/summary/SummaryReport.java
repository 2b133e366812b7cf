package dev.aebench.runner.summary;

import dev.aebench.runner.experiment.Selection;
import dev.aebench.runner.store.AtomicFiles;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** A {@link Summary} as an aligned text table with the selection explained, or as CSV. */
public final class SummaryReport {
    private SummaryReport() {
    }

    public static String text(Summary s) {
        StringBuilder sb = new StringBuilder();
        int planned = s.configs().stream().mapToInt(ConfigSummary::planned).sum();
        int failed = s.configs().stream().mapToInt(ConfigSummary::failed).sum();
        int diverged = s.configs().stream().mapToInt(ConfigSummary::diverged).sum();
        sb.append(String.format("experiment %s: %d configurations, %d planned trials, %d pending, %d failed, %d diverged%n",
                s.experiment(), s.configs().size(), planned, s.pending(), failed, diverged));
        if (s.otherRecords() > 0) {
            sb.append(String.format("(%d records from other plans, such as an earlier version of the experiment, are left out)%n",
                    s.otherRecords()));
        }
        sb.append('\n');
        boolean valProbe = s.configs().stream().anyMatch(c -> c.valProbeAcc().n() > 0);
        List<String> header = new ArrayList<>(List.of("", "block", "config", "seeds", "val_mse"));
        if (valProbe) {
            header.add("val_probe_acc");
        }
        header.addAll(List.of("test_mse", "probe_acc", "s/epoch"));
        List<List<String>> rows = new ArrayList<>();
        for (ConfigSummary c : s.configs()) {
            String seeds = c.ok() + "/" + c.planned()
                    + (c.failed() > 0 ? " " + c.failed() + " failed" : "")
                    + (c.diverged() > 0 ? " " + c.diverged() + " diverged" : "");
            List<String> row = new ArrayList<>(List.of(c.selected() ? "*" : "", c.blockLabel(), c.configText(), seeds,
                    c.valMse().format(5)));
            if (valProbe) {
                row.add(c.valProbeAcc().format(4));
            }
            row.addAll(List.of(c.testMse().format(5), c.probeAcc().format(4), c.secPerEpoch().format(2)));
            rows.add(row);
        }
        sb.append(align(header, rows));
        sb.append('\n');
        if (s.validation() > 0) {
            String criterion = s.select().higherIsBetter() ? "highest mean " + s.select().metric()
                    : "lowest mean " + s.select().metric();
            sb.append(String.format("* selected per block: %s on the validation split (the last %d training images, held "
                    + "out from training); test_mse and probe_acc are on the test set, which chose nothing.%n",
                    criterion, s.validation()));
            List<ConfigSummary> selected = s.selected();
            if (!selected.isEmpty()) {
                sb.append("\nselected configurations (chosen on validation, reported on test):\n");
                List<List<String>> sel = new ArrayList<>();
                for (ConfigSummary c : selected) {
                    long candidates = s.configs().stream().filter(o -> o.block() == c.block()).count();
                    sel.add(List.of(c.blockLabel(), c.configText(), "best of " + candidates,
                            c.figure(s.select()).format(s.select() == Selection.VAL_MSE ? 5 : 4),
                            c.testMse().format(5), c.probeAcc().format(4)));
                }
                sb.append(align(List.of("block", "config", "chosen", s.select().metric(), "test_mse", "probe_acc"), sel));
            }
        } else {
            sb.append("no validation split (validation: 0): nothing is selected; every figure is on the test set, "
                    + "so do not pick configurations by it.\n");
        }
        return sb.toString();
    }

    /** The summary as a Tablesaw table, one row per configuration. */
    public static Table table(Summary s) {
        StringColumn block = StringColumn.create("block");
        StringColumn model = StringColumn.create("model");
        StringColumn config = StringColumn.create("config");
        StringColumn configId = StringColumn.create("config_id");
        BooleanColumn selected = BooleanColumn.create("selected");
        IntColumn planned = IntColumn.create("planned");
        IntColumn ok = IntColumn.create("ok");
        IntColumn failed = IntColumn.create("failed");
        IntColumn diverged = IntColumn.create("diverged");
        List<DoubleColumn> figures = new ArrayList<>();
        for (String f : Summarizer.FIGURES) {
            figures.add(DoubleColumn.create(f + "_mean"));
            figures.add(DoubleColumn.create(f + "_sd"));
        }
        StringColumn params = StringColumn.create("params");
        for (ConfigSummary c : s.configs()) {
            block.append(c.blockLabel());
            model.append(c.model());
            config.append(c.varying());
            configId.append(c.configId());
            selected.append(c.selected());
            planned.append(c.planned());
            ok.append(c.ok());
            failed.append(c.failed());
            diverged.append(c.diverged());
            Stat[] stats = {c.valMse(), c.valProbeAcc(), c.testMse(), c.probeAcc(), c.secPerEpoch()};
            for (int i = 0; i < stats.length; i++) {
                figures.get(2 * i).append(stats[i].n() > 0 ? stats[i].mean() : Double.NaN);
                figures.get(2 * i + 1).append(stats[i].n() > 1 ? stats[i].sd() : Double.NaN);
            }
            StringJoiner p = new StringJoiner(";");
            for (Map.Entry<String, String> e : c.params().entrySet()) {
                p.add(e.getKey() + "=" + e.getValue());
            }
            params.append(p.toString());
        }
        Table t = Table.create(s.experiment(), block, model, config, configId, selected, planned, ok, failed, diverged);
        figures.forEach(t::addColumns);
        t.addColumns(params);
        return t;
    }

    /** Writes the CSV (replacing the file atomically). */
    public static void writeCsv(Summary s, Path file) {
        StringWriter w = new StringWriter();
        table(s).write().csv(w);
        AtomicFiles.write(file, w.toString());
    }

    private static String align(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = Math.max(1, header.get(c).length());
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(sb, rule, width);
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                l.append("  ");
            }
            String cell = cells.get(c);
            boolean left = c <= 3;
            l.append(left ? String.format("%-" + width[c] + "s", cell) : String.format("%" + width[c] + "s", cell));
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
