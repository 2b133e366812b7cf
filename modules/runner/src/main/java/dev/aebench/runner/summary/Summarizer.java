package dev.aebench.runner.summary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.RecordMetrics;
import dev.aebench.runner.experiment.Selection;
import dev.aebench.runner.plan.Plan;
import dev.aebench.runner.plan.PlannedTrial;
import tech.tablesaw.aggregate.AggregateFunction;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Aggregates the records of a plan: a Tablesaw table with one row per planned (block,
 * configuration, seed) and a column per figure — every numeric metric any finished trial
 * recorded, and its {@code time_} phases, with no per-metric code — grouped by block and
 * configuration for mean, standard deviation and count of each figure and the number of trials
 * per status. Then, per block, the configuration with the
 * best mean validation figure (the plan's {@link Selection}: lowest {@code val_mse} or highest
 * {@code val_probe_acc}) is selected; with no validation split nothing is.
 */
public final class Summarizer {
    /** Figures shown first, in this order, when present; every other numeric metric follows in record order. */
    static final List<String> LEADING = List.of("val_mse", "val_probe_acc", "test_mse", "probe_acc", "sec_per_epoch");
    static final List<String> STATUSES = List.of("ok", "failed", "diverged", "pending");
    private static final String KEY = "key";

    private Summarizer() {
    }

    public static Summary summarize(Plan plan, Map<String, JsonNode> records) {
        Map<String, Map<String, Double>> figuresOf = new HashMap<>();
        for (PlannedTrial t : plan.entries()) {
            JsonNode r = records.get(t.id());
            if (r != null && "ok".equals(r.path("status").asText())) {
                figuresOf.put(t.id(), RecordMetrics.numbers(r));
            }
        }
        List<String> figures = figureNames(plan, figuresOf);
        Table trials = trialTable(plan, records, figuresOf, figures);
        Grouped stats = figures.isEmpty() ? null : new Grouped(trials.summarize(figures, AggregateFunctions.mean,
                AggregateFunctions.stdDev, AggregateFunctions.countNonMissing).by(KEY));
        Grouped counts = new Grouped(trials.summarize(STATUSES, AggregateFunctions.sum).by(KEY));
        Map<String, PlannedTrial> firstOfConfig = new LinkedHashMap<>();
        for (PlannedTrial t : plan.entries()) {
            firstOfConfig.putIfAbsent(key(t), t);
        }
        List<ConfigSummary> configs = new ArrayList<>();
        for (Map.Entry<String, PlannedTrial> e : firstOfConfig.entrySet()) {
            PlannedTrial t = e.getValue();
            String k = e.getKey();
            int ok = counts.count(k, "ok");
            int failed = counts.count(k, "failed");
            int diverged = counts.count(k, "diverged");
            Map<String, Stat> stat = new LinkedHashMap<>();
            for (String f : figures) {
                stat.put(f, stats.stat(k, f));
            }
            configs.add(new ConfigSummary(t.block(), t.blockLabel(), t.model(), t.varying(), t.configId(), t.params(),
                    ok + failed + diverged + counts.count(k, "pending"), ok, failed, diverged, stat, false));
        }
        if (plan.validation() > 0) {
            configs = select(configs, plan.select());
        }
        Set<String> planned = plan.trials().stream().map(PlannedTrial::id).collect(Collectors.toSet());
        int pending = (int) planned.stream().filter(id -> !records.containsKey(id)).count();
        int other = (int) records.keySet().stream().filter(id -> !planned.contains(id)).count();
        return new Summary(plan.experiment(), plan.validation(), plan.select(), figures, configs, pending, other);
    }

    /** The leading figures that any finished trial has, then every other numeric figure in first-seen order. */
    static List<String> figureNames(Plan plan, Map<String, Map<String, Double>> figuresOf) {
        Set<String> seen = new LinkedHashSet<>();
        for (PlannedTrial t : plan.entries()) {
            Map<String, Double> f = figuresOf.get(t.id());
            if (f != null) {
                seen.addAll(f.keySet());
            }
        }
        List<String> out = new ArrayList<>();
        for (String f : LEADING) {
            if (seen.remove(f)) {
                out.add(f);
            }
        }
        out.addAll(seen);
        return out;
    }

    /** One row per plan entry: the key of its block and configuration, its figures, and its status as 0/1 columns. */
    static Table trialTable(Plan plan, Map<String, JsonNode> records, Map<String, Map<String, Double>> figuresOf,
                            List<String> figureNames) {
        StringColumn key = StringColumn.create(KEY);
        Map<String, DoubleColumn> figures = new LinkedHashMap<>();
        figureNames.forEach(f -> figures.put(f, DoubleColumn.create(f)));
        Map<String, DoubleColumn> statuses = new LinkedHashMap<>();
        STATUSES.forEach(s -> statuses.put(s, DoubleColumn.create(s)));
        for (PlannedTrial t : plan.entries()) {
            JsonNode r = records.get(t.id());
            String status = r == null ? "pending" : r.path("status").asText();
            if (!STATUSES.contains(status)) {
                status = "failed";
            }
            key.append(key(t));
            Map<String, Double> values = figuresOf.getOrDefault(t.id(), Map.of());
            for (Map.Entry<String, DoubleColumn> f : figures.entrySet()) {
                Double v = values.get(f.getKey());
                f.getValue().append(v == null ? Double.NaN : v);
            }
            for (Map.Entry<String, DoubleColumn> s : statuses.entrySet()) {
                s.getValue().append(s.getKey().equals(status) ? 1 : 0);
            }
        }
        Table table = Table.create("trials", key);
        figures.values().forEach(table::addColumns);
        statuses.values().forEach(table::addColumns);
        return table;
    }

    private static List<ConfigSummary> select(List<ConfigSummary> configs, Selection criterion) {
        Map<Integer, ConfigSummary> best = new HashMap<>();
        for (ConfigSummary c : configs) {
            Stat f = c.figure(criterion);
            if (f.n() == 0 || !Double.isFinite(f.mean())) {
                continue;
            }
            ConfigSummary b = best.get(c.block());
            if (b == null || criterion.better(f.mean(), b.figure(criterion).mean())) {
                best.put(c.block(), c);
            }
        }
        List<ConfigSummary> out = new ArrayList<>();
        for (ConfigSummary c : configs) {
            out.add(c.withSelected(best.get(c.block()) == c));
        }
        return out;
    }

    private static String key(PlannedTrial t) {
        return t.block() + "/" + t.configId();
    }

    /** A table summarised by key: one row per key, aggregate columns named "Function [column]". */
    private static final class Grouped {
        private final Table table;
        private final Map<String, Integer> rowOf = new HashMap<>();

        Grouped(Table table) {
            this.table = table;
            StringColumn keys = table.stringColumn(KEY);
            for (int i = 0; i < keys.size(); i++) {
                rowOf.put(keys.get(i), i);
            }
        }

        Stat stat(String key, String figure) {
            int n = (int) number(key, AggregateFunctions.countNonMissing, figure);
            if (n == 0) {
                return Stat.NONE;
            }
            return new Stat(number(key, AggregateFunctions.mean, figure), number(key, AggregateFunctions.stdDev, figure), n);
        }

        int count(String key, String status) {
            return (int) Math.round(number(key, AggregateFunctions.sum, status));
        }

        private double number(String key, AggregateFunction<?, ?> fn, String column) {
            NumericColumn<?> col = (NumericColumn<?>) table.column(fn.functionName() + " [" + column + "]");
            return col.getDouble(rowOf.get(key));
        }
    }
}
