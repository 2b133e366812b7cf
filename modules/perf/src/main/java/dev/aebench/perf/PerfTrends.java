package dev.aebench.perf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A history turned into trend series: per family, one series per CPU class and workload mode
 * (ratios are comparable only within one), each run's measured ratio in history order with the
 * commit it measured, and the series' change points ({@link ChangePoints}).
 */
public final class PerfTrends {
    private PerfTrends() {
    }

    /**
     * One series of a family.
     *
     * @param family  family name
     * @param key     CPU class and mode, such as {@code vector-512/fma-160-320 short}
     * @param commits the commit of each run
     * @param dates   the date of each run
     * @param ratios  the ratio of each run
     * @param changes the detected changes
     */
    public record Series(String family, String key, List<String> commits, List<String> dates, double[] ratios,
                         List<ChangePoints.Change> changes) {
    }

    /** The series of every family in {@code history}, families in order of first appearance. */
    public static Map<String, List<Series>> of(List<PerfHistory.Entry> history, ChangePoints detector) {
        Map<String, Map<String, List<Object[]>>> acc = new LinkedHashMap<>();
        for (PerfHistory.Entry e : history) {
            String key = e.cpuClass() + " " + e.mode();
            e.families().forEach((f, p) -> acc.computeIfAbsent(f, k -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Object[] {e.commit(), e.date(), p.ratio()}));
        }
        Map<String, List<Series>> out = new LinkedHashMap<>();
        acc.forEach((f, byKey) -> {
            List<Series> list = new ArrayList<>();
            byKey.forEach((key, points) -> {
                double[] r = points.stream().mapToDouble(p -> (Double) p[2]).toArray();
                list.add(new Series(f, key, points.stream().map(p -> (String) p[0]).toList(), points.stream().map(p -> (String) p[1]).toList(),
                        r, detector.detect(r)));
            });
            out.put(f, list);
        });
        return out;
    }
}
