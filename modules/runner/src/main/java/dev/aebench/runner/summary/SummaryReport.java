package dev.aebench.runner.summary;

import dev.aebench.core.table.TextTable;
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

/**
 * A {@link Summary} as an aligned text table with the selection explained (the leading figures:
 * validation and test error, probe accuracies, seconds per epoch), or as CSV with
 * {@code <figure>_mean}, {@code _sd} and {@code _n} for every figure summarised.
 */
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
        List<String> shown = s.figures().stream().filter(Summarizer.LEADING::contains).toList();
        List<String> header = new ArrayList<>(List.of("", "block", "config", "seeds"));
        shown.forEach(f -> header.add(f.equals("sec_per_epoch") ? "s/epoch" : f));
        TextTable table = TextTable.withHeader(header).leftAlignedFirst(4);
        for (ConfigSummary c : s.configs()) {
            String seeds = c.ok() + "/" + c.planned()
                    + (c.failed() > 0 ? " " + c.failed() + " failed" : "")
                    + (c.diverged() > 0 ? " " + c.diverged() + " diverged" : "");
            List<String> row = new ArrayList<>(List.of(c.selected() ? "*" : "", c.blockLabel(), c.configText(), seeds));
            shown.forEach(f -> row.add(c.stat(f).format(digits(f))));
            table.row(row);
        }
        sb.append(table.render());
        int more = s.figures().size() - shown.size();
        if (more > 0) {
            sb.append(String.format("(%d more figures per configuration in the CSV: aebench results summary DIR --csv FILE)%n",
                    more));
        }
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
                TextTable sel = TextTable.withHeader("block", "config", "chosen", s.select().metric(), "test_mse",
                        "probe_acc").leftAlignedFirst(3);
                for (ConfigSummary c : selected) {
                    long candidates = s.configs().stream().filter(o -> o.block() == c.block()).count();
                    sel.row(c.blockLabel(), c.configText(), "best of " + candidates,
                            c.figure(s.select()).format(digits(s.select().metric())),
                            c.stat("test_mse").format(5), c.stat("probe_acc").format(4));
                }
                sb.append(sel.render());
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
        for (String f : s.figures()) {
            figures.add(DoubleColumn.create(f + "_mean"));
            figures.add(DoubleColumn.create(f + "_sd"));
            figures.add(DoubleColumn.create(f + "_n"));
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
            for (int i = 0; i < s.figures().size(); i++) {
                Stat st = c.stat(s.figures().get(i));
                figures.get(3 * i).append(st.n() > 0 ? st.mean() : Double.NaN);
                figures.get(3 * i + 1).append(st.n() > 1 ? st.sd() : Double.NaN);
                figures.get(3 * i + 2).append(st.n());
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

    /** Decimals for a figure in the terminal table: accuracies 4, seconds 2, everything else 5. */
    private static int digits(String figure) {
        if (figure.endsWith("_acc")) {
            return 4;
        }
        return figure.endsWith("_sec") || figure.startsWith("sec_") ? 2 : 5;
    }
}
