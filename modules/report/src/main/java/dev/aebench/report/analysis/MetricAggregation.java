package dev.aebench.report.analysis;

import dev.aebench.report.results.TrialRecord;
import dev.aebench.report.stats.Sample;
import tech.tablesaw.aggregate.AggregateFunction;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean, standard deviation and count of every metric per configuration key, aggregated with
 * Tablesaw over a table of one row per ok trial (NaN is missing and not counted).
 */
final class MetricAggregation {
    private static final String KEY = "key";

    private MetricAggregation() {
    }

    /** {@code groups}: key to the ok records of that configuration, in seed order. */
    static Map<String, Map<String, Sample>> aggregate(Map<String, List<TrialRecord>> groups, List<String> metrics) {
        StringColumn key = StringColumn.create(KEY);
        Map<String, DoubleColumn> cols = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            cols.put(metrics.get(i), DoubleColumn.create("m" + i));
        }
        groups.forEach((k, records) -> {
            for (TrialRecord r : records) {
                key.append(k);
                cols.forEach((m, c) -> c.append(r.metric(m)));
            }
        });
        Map<String, Map<String, Sample>> out = new LinkedHashMap<>();
        groups.keySet().forEach(k -> out.put(k, new LinkedHashMap<>()));
        if (key.isEmpty() || metrics.isEmpty()) {
            return out;
        }
        Table trials = Table.create("trials", key);
        cols.values().forEach(trials::addColumns);
        List<String> names = cols.values().stream().map(DoubleColumn::name).toList();
        Table s = trials.summarize(names, AggregateFunctions.mean, AggregateFunctions.stdDev,
                AggregateFunctions.countNonMissing).by(KEY);
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < s.rowCount(); i++) {
            row.put(s.stringColumn(KEY).get(i), i);
        }
        for (Map.Entry<String, List<TrialRecord>> g : groups.entrySet()) {
            Integer r = row.get(g.getKey());
            if (r == null) {
                continue;
            }
            for (int i = 0; i < metrics.size(); i++) {
                String m = metrics.get(i);
                int n = (int) number(s, AggregateFunctions.countNonMissing, "m" + i, r);
                if (n == 0) {
                    continue;
                }
                List<Double> values = new ArrayList<>();
                for (TrialRecord t : g.getValue()) {
                    double v = t.metric(m);
                    if (!Double.isNaN(v)) {
                        values.add(v);
                    }
                }
                double sd = n < 2 ? Double.NaN : number(s, AggregateFunctions.stdDev, "m" + i, r);
                out.get(g.getKey()).put(m, new Sample(values.stream().mapToDouble(Double::doubleValue).toArray(),
                        number(s, AggregateFunctions.mean, "m" + i, r), sd, n));
            }
        }
        return out;
    }

    private static double number(Table t, AggregateFunction<?, ?> fn, String column, int row) {
        return ((NumericColumn<?>) t.column(fn.functionName() + " [" + column + "]")).getDouble(row);
    }
}
