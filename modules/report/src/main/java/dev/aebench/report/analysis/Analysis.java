package dev.aebench.report.analysis;

import dev.aebench.core.metric.Better;
import dev.aebench.core.metric.MetricCatalog;
import dev.aebench.core.metric.MetricDescription;
import dev.aebench.report.results.PlanEntry;
import dev.aebench.report.results.ResultsFolder;
import dev.aebench.report.results.TrialRecord;
import dev.aebench.report.stats.Holm;
import dev.aebench.report.stats.Sample;
import dev.aebench.report.stats.WelchTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a report shows, computed from a results folder: blocks and configurations with
 * their samples, each block's selection on the validation split, the metrics present (known ones
 * in catalog order, then unknown ones by name), the significant best of each table column, the
 * significance tests against the plain {@code ae} baseline and of each CAE against each DAE (Welch,
 * Holm within each metric), and the provenance summary.
 */
public final class Analysis {
    /** The significance level for marks and the words "significant". */
    public static final double ALPHA = 0.05;

    private final ResultsFolder folder;
    private final MetricCatalog catalog;
    private final List<BlockResult> blocks;
    private final List<String> metrics;
    private final List<String> curves;
    private final List<String> unknown;
    private final Map<String, Integer> best = new LinkedHashMap<>();
    private final Map<String, WelchTest> bestTest = new LinkedHashMap<>();
    private final List<Comparison> comparisons;
    private final ProvenanceSummary provenance;
    private final int ok;
    private final int failed;
    private final int diverged;
    private final int pending;

    private Analysis(ResultsFolder folder, MetricCatalog catalog) {
        this.folder = folder;
        this.catalog = catalog;
        Map<String, TrialRecord> records = folder.records();
        Set<String> metricNames = new TreeSet<>();
        Set<String> curveNames = new TreeSet<>();
        for (TrialRecord r : records.values()) {
            if (r.ok()) {
                metricNames.addAll(r.metrics().keySet());
                curveNames.addAll(r.curves().keySet());
            }
        }
        this.metrics = ordered(metricNames);
        this.curves = ordered(curveNames);
        List<String> unk = new ArrayList<>();
        for (String m : ordered(union(metricNames, curveNames))) {
            if (catalog.find(m).isEmpty()) {
                unk.add(m);
            }
        }
        this.unknown = List.copyOf(unk);

        Map<String, List<PlanEntry>> byConfig = new LinkedHashMap<>();
        for (PlanEntry e : folder.entries()) {
            byConfig.computeIfAbsent(e.block() + "/" + e.configId(), k -> new ArrayList<>()).add(e);
        }
        Map<String, List<TrialRecord>> okByConfig = new LinkedHashMap<>();
        byConfig.forEach((k, es) -> okByConfig.put(k, es.stream().sorted(Comparator.comparingLong(PlanEntry::seed))
                .map(e -> records.get(e.id())).filter(r -> r != null && r.ok()).toList()));
        Map<String, Map<String, Sample>> samples = MetricAggregation.aggregate(okByConfig, metrics);

        Map<Integer, List<ConfigResult>> configsByBlock = new LinkedHashMap<>();
        Set<String> counted = new LinkedHashSet<>();
        int nOk = 0;
        int nFailed = 0;
        int nDiverged = 0;
        int nPending = 0;
        for (Map.Entry<String, List<PlanEntry>> c : byConfig.entrySet()) {
            List<PlanEntry> es = c.getValue();
            PlanEntry first = es.get(0);
            int failedHere = 0;
            int divergedHere = 0;
            int pendingHere = 0;
            List<String> errors = new ArrayList<>();
            for (PlanEntry e : es) {
                TrialRecord r = records.get(e.id());
                String status = r == null ? "pending" : r.status();
                boolean first0 = counted.add(e.id());
                switch (status) {
                    case "ok" -> nOk += first0 ? 1 : 0;
                    case "pending" -> {
                        pendingHere++;
                        nPending += first0 ? 1 : 0;
                    }
                    case "diverged" -> {
                        divergedHere++;
                        nDiverged += first0 ? 1 : 0;
                    }
                    default -> {
                        failedHere++;
                        nFailed += first0 ? 1 : 0;
                    }
                }
                if (r != null && !r.ok()) {
                    errors.add(status + " seed=" + e.seed() + ": " + (r.error() == null ? "" : r.error()));
                }
            }
            List<TrialRecord> okRecs = okByConfig.get(c.getKey());
            Map<String, List<List<Double>>> curveValues = new LinkedHashMap<>();
            for (String name : curves) {
                List<List<Double>> per = new ArrayList<>();
                for (TrialRecord r : okRecs) {
                    List<Double> v = r.curves().get(name);
                    if (v != null) {
                        per.add(v);
                    }
                }
                if (!per.isEmpty()) {
                    curveValues.put(name, per);
                }
            }
            configsByBlock.computeIfAbsent(first.block(), b -> new ArrayList<>()).add(new ConfigResult(first.block(),
                    first.blockLabel(), first.model(), first.configId(), first.varying(), first.params(),
                    es.stream().map(PlanEntry::seed).sorted().toList(), okRecs, failedHere, divergedHere, pendingHere,
                    errors, samples.getOrDefault(c.getKey(), Map.of()), curveValues));
        }
        this.ok = nOk;
        this.failed = nFailed;
        this.diverged = nDiverged;
        this.pending = nPending;
        List<BlockResult> bs = new ArrayList<>();
        for (Map.Entry<Integer, List<ConfigResult>> b : configsByBlock.entrySet()) {
            List<ConfigResult> cs = b.getValue();
            bs.add(new BlockResult(b.getKey(), cs.get(0).blockLabel(), cs.get(0).model(), cs, select(cs), axes(cs)));
        }
        this.blocks = List.copyOf(bs);
        markBest();
        this.comparisons = compare();
        this.provenance = ProvenanceSummary.of(records.values());
    }

    public static Analysis of(ResultsFolder folder, MetricCatalog catalog) {
        return new Analysis(folder, catalog);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }

    /** Known metrics in catalog order, then the rest by name. */
    private List<String> ordered(Set<String> names) {
        List<String> out = new ArrayList<>();
        for (MetricDescription d : catalog.all()) {
            if (names.contains(d.name())) {
                out.add(d.name());
            }
        }
        names.stream().filter(n -> !out.contains(n)).forEach(out::add);
        return List.copyOf(out);
    }

    public Better better(String metric) {
        return catalog.find(metric).map(MetricDescription::better)
                .orElse(metric.endsWith("_acc") ? Better.HIGHER : Better.NEITHER);
    }

    public Optional<MetricDescription> describe(String metric) {
        return catalog.find(metric);
    }

    /** The selection metric's better direction: HIGHER for accuracies, else LOWER. */
    private boolean selectHigher() {
        Better b = better(folder.select());
        return b == Better.HIGHER || (b == Better.NEITHER && folder.select().endsWith("_acc"));
    }

    private ConfigResult select(List<ConfigResult> cs) {
        if (folder.validation() <= 0) {
            return cs.size() == 1 && !cs.get(0).ok().isEmpty() ? cs.get(0) : null;
        }
        ConfigResult best = null;
        boolean higher = selectHigher();
        for (ConfigResult c : cs) {
            Sample s = c.metric(folder.select());
            if (s.isEmpty() || !Double.isFinite(s.mean())) {
                continue;
            }
            double b = best == null ? Double.NaN : best.metric(folder.select()).mean();
            if (best == null || (higher ? s.mean() > b : s.mean() < b)) {
                best = c;
            }
        }
        return best;
    }

    private static List<SweepAxis> axes(List<ConfigResult> cs) {
        if (cs.size() < 2) {
            return List.of();
        }
        Set<String> keys = new TreeSet<>();
        cs.forEach(c -> keys.addAll(c.params().keySet()));
        List<SweepAxis> out = new ArrayList<>();
        for (String k : keys) {
            List<String> values = cs.stream().map(c -> c.params().getOrDefault(k, "")).toList();
            if (new LinkedHashSet<>(values).size() > 1) {
                out.add(SweepAxis.of(k, values));
            }
        }
        return out;
    }

    /** Blocks with a selection, in plan order. */
    public List<BlockResult> selectedBlocks() {
        return blocks.stream().filter(b -> b.selected() != null).toList();
    }

    private void markBest() {
        for (String m : metrics) {
            Better dir = better(m);
            if (dir == Better.NEITHER) {
                continue;
            }
            List<BlockResult> ranked = new ArrayList<>(selectedBlocks().stream()
                    .filter(b -> !b.selected().metric(m).isEmpty()).toList());
            if (ranked.size() < 2) {
                continue;
            }
            Comparator<BlockResult> byMean = Comparator.comparingDouble(b -> b.selected().metric(m).mean());
            ranked.sort(dir == Better.HIGHER ? byMean.reversed() : byMean);
            WelchTest t = WelchTest.of(ranked.get(0).selected().metric(m), ranked.get(1).selected().metric(m));
            bestTest.put(m, t);
            if (t.defined() && t.p() < ALPHA) {
                best.put(m, ranked.get(0).index());
            }
        }
    }

    /** The block whose selection is significantly best in the metric's column, if any. */
    public Optional<Integer> bestBlock(String metric) {
        return Optional.ofNullable(best.get(metric));
    }

    /** The test of the column's best against its runner-up (absent for metrics without a better direction). */
    public Optional<WelchTest> bestTest(String metric) {
        return Optional.ofNullable(bestTest.get(metric));
    }

    /** The plain-autoencoder block the others are tested against: label "ae", else the first one-config ae block. */
    public Optional<BlockResult> baseline() {
        return selectedBlocks().stream().filter(b -> b.label().equals("ae")).findFirst()
                .or(() -> selectedBlocks().stream().filter(b -> b.model().equals("ae") && !b.isSweep()).findFirst());
    }

    /** The pairs tested: each block against the baseline, then each CAE block against each DAE block. */
    public List<BlockResult[]> pairs() {
        List<BlockResult[]> out = new ArrayList<>();
        Optional<BlockResult> base = baseline();
        base.ifPresent(b -> selectedBlocks().stream().filter(x -> x != b).forEach(x -> out.add(new BlockResult[] {x, b})));
        for (BlockResult c : selectedBlocks()) {
            if (c.model().equals("cae")) {
                for (BlockResult d : selectedBlocks()) {
                    if (d.model().equals("dae")) {
                        out.add(new BlockResult[] {c, d});
                    }
                }
            }
        }
        return out;
    }

    /** Metrics tested: numeric ones other than times, counts and the validation figures the selection used. */
    public List<String> testedMetrics() {
        return metrics.stream().filter(m -> !m.startsWith("val_")).filter(m -> catalog.find(m)
                .map(d -> !d.unit().equals("s") && !d.unit().equals("count")).orElse(true)).toList();
    }

    private List<Comparison> compare() {
        List<Comparison> out = new ArrayList<>();
        List<BlockResult[]> pairs = pairs();
        for (String m : testedMetrics()) {
            List<WelchTest> tests = new ArrayList<>();
            List<BlockResult[]> used = new ArrayList<>();
            for (BlockResult[] p : pairs) {
                Sample a = p[0].selected().metric(m);
                Sample b = p[1].selected().metric(m);
                if (a.isEmpty() || b.isEmpty()) {
                    continue;
                }
                tests.add(WelchTest.of(a, b));
                used.add(p);
            }
            double[] holm = Holm.adjust(tests.stream().mapToDouble(WelchTest::p).toArray());
            for (int i = 0; i < tests.size(); i++) {
                out.add(new Comparison(used.get(i)[0], used.get(i)[1], m, tests.get(i), holm[i]));
            }
        }
        return List.copyOf(out);
    }

    public ResultsFolder folder() {
        return folder;
    }

    public List<BlockResult> blocks() {
        return blocks;
    }

    /** Numeric metrics present in ok records, known first. */
    public List<String> metrics() {
        return metrics;
    }

    /** Numeric-list metrics present in ok records, known first. */
    public List<String> curves() {
        return curves;
    }

    /** Metric names the catalog does not describe (from a newer version, or a family's own). */
    public List<String> unknownMetrics() {
        return unknown;
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    public ProvenanceSummary provenance() {
        return provenance;
    }

    public int ok() {
        return ok;
    }

    public int failed() {
        return failed;
    }

    public int diverged() {
        return diverged;
    }

    public int pending() {
        return pending;
    }

    /** Distinct planned trials. */
    public int planned() {
        return ok + failed + diverged + pending;
    }
}
