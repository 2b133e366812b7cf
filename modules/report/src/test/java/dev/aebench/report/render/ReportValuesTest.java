package dev.aebench.report.render;

import dev.aebench.report.testing.MarkdownTables;
import dev.aebench.report.testing.ThreeBlocks;
import dev.aebench.report.testing.ThreeBlocks.Config;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every number of the rendered report of a constructed results folder against a computation
 * done here from the values written: means and sample sds (n - 1) by hand, Welch's t with the
 * Welch-Satterthwaite degrees of freedom and a two-sided p from the t distribution, Holm's
 * step-down adjustment by hand, Cohen's d on the average variance, the selection (lowest mean
 * val_mse per block) and the bold best (best of its row and Welch p < 0.05 against the
 * runner-up). Printed values are checked to the precision they are printed with; summary.csv
 * to the last bits.
 */
class ReportValuesTest {
    private static final double ALPHA = 0.05;
    private static final Set<String> LOWER = Set.of("val_mse", "test_mse", "final_train_loss", "sec_per_epoch",
            "noisy_test_mse");
    private static final Set<String> HIGHER = Set.of("knn_acc");
    /** Validation figures, seconds and counts: in the table, not tested. */
    private static final Set<String> UNTESTED = Set.of("val_mse", "sec_per_epoch", "param_count");

    @TempDir
    static Path tmp;
    static String md;
    static List<List<String>> csv;

    @BeforeAll
    static void render() throws IOException {
        Path results = ThreeBlocks.write(tmp.resolve("results"));
        Path out = tmp.resolve("report");
        Report.render(results, out);
        md = Files.readString(out.resolve(Report.README), StandardCharsets.UTF_8);
        csv = Files.readString(out.resolve(Report.CSV), StandardCharsets.UTF_8).lines()
                .map(l -> Arrays.asList(l.split(",", -1))).toList();
    }

    // ---- the independent computation

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    record Welch(double t, double df, double p, double d) {
    }

    static Welch welch(double[] a, double[] b) {
        double va = sd(a) * sd(a);
        double vb = sd(b) * sd(b);
        if (a.length < 2 || b.length < 2 || va + vb == 0) {
            return new Welch(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double qa = va / a.length;
        double qb = vb / b.length;
        double t = (mean(a) - mean(b)) / Math.sqrt(qa + qb);
        double df = (qa + qb) * (qa + qb) / (qa * qa / (a.length - 1) + qb * qb / (b.length - 1));
        double p = 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
        double d = (mean(a) - mean(b)) / Math.sqrt((va + vb) / 2);
        return new Welch(t, df, p, d);
    }

    /** Holm: sort ascending, multiply the k-th smallest (from 0) by m - k, running maximum, cap at 1. */
    static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] out = new double[p.length];
        double max = 0;
        for (int k = 0; k < p.length; k++) {
            max = Math.max(max, Math.min(1, (p.length - k) * p[order[k]]));
            out[order[k]] = max;
        }
        return out;
    }

    static Config selected(int block) {
        return ThreeBlocks.CONFIGS.stream().filter(c -> c.block() == block)
                .min(Comparator.comparingDouble(c -> mean(c.metric("val_mse")))).orElseThrow();
    }

    static List<Config> selections() {
        return List.of(selected(0), selected(1), selected(2));
    }

    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        ThreeBlocks.CONFIGS.forEach(c -> names.addAll(c.values().keySet()));
        return names;
    }

    // ---- reading what is printed

    private static final Pattern MEAN_SD = Pattern.compile("(\\S+) ± (\\S+) \\((\\d+)\\)");
    private static final Pattern METRIC = Pattern.compile("`([a-z0-9_]+)`.*");

    static boolean bold(String cell) {
        return cell.startsWith("**") && cell.endsWith("**");
    }

    static String plain(String cell) {
        return bold(cell) ? cell.substring(2, cell.length() - 2) : cell;
    }

    static String metricOf(String cell) {
        Matcher m = METRIC.matcher(cell);
        assertTrue(m.matches(), "metric cell " + cell);
        return m.group(1);
    }

    static int decimals(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    /** Half a unit of the last of four significant digits, as the report prints means and differences. */
    static double sigTolerance(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return 1e-15;
        }
        return (a >= 1000 && a < 1e6 ? 0.5 : 0.5 * Math.pow(10, Math.floor(Math.log10(a)) - 3)) * (1 + 1e-9);
    }

    /** {@code mean ± sd (n)}: n exact, sd to two significant digits, the mean to the same place. */
    static void assertMeanSd(String where, double[] x, String cell) {
        String c = plain(cell);
        if (x == null || x.length == 0) {
            assertEquals("–", c, where);
            return;
        }
        Matcher m = MEAN_SD.matcher(c);
        assertTrue(m.matches(), where + ": expected mean ± sd (n), found " + c);
        assertEquals(x.length, Integer.parseInt(m.group(3)), where + ": n");
        double mean = mean(x);
        double sd = sd(x);
        double pm = Double.parseDouble(m.group(1));
        if (sd == 0) {
            assertEquals("0", m.group(2), where + ": sd");
            assertEquals(mean, pm, sigTolerance(mean), where + ": mean");
            return;
        }
        int d = Math.max(0, 1 - (int) Math.floor(Math.log10(sd)));
        assertEquals(d, decimals(m.group(2)), where + ": sd to two significant digits, found " + m.group(2) + " for " + sd);
        assertEquals(d, decimals(m.group(1)), where + ": mean to the place of the sd, found " + m.group(1));
        double half = 0.5 * Math.pow(10, -d) * (1 + 1e-9);
        assertEquals(mean, pm, half, where + ": mean");
        assertEquals(sd, Double.parseDouble(m.group(2)), half, where + ": sd");
    }

    static void assertSig(String where, double expected, String cell) {
        assertEquals(expected, Double.parseDouble(cell), sigTolerance(expected), where);
    }

    static void assertFixed(String where, double expected, int decimals, String cell) {
        if (Double.isNaN(expected)) {
            assertEquals("n/a", cell, where);
            return;
        }
        assertEquals(decimals, decimals(cell), where + ": decimals of " + cell);
        assertEquals(expected, Double.parseDouble(cell), 0.5 * Math.pow(10, -decimals) + 1e-12, where);
    }

    static void assertP(String where, double expected, String cell) {
        String c = plain(cell);
        if (Double.isNaN(expected)) {
            assertEquals("n/a", c, where);
        } else if (expected < 0.001) {
            assertEquals("<0.001", c, where + " (p = " + expected + ")");
        } else {
            assertFixed(where, expected, 3, c);
        }
    }

    // ---- the tests

    @Test
    void fixtureSelectsTheMiddleOfTheGrid() {
        assertEquals("lambda=0.1", selected(2).varying(), "the constructed data selects lambda=0.1");
        assertFalse(md.contains("Edge of the grid"), "lambda=0.1 is inside its grid: no edge warning");
    }

    @Test
    void resultTableHasOneColumnPerSelection() {
        List<List<String>> t = MarkdownTables.after(md, "## Results");
        List<String> head = new ArrayList<>(List.of("metric", "unit"));
        selections().forEach(c -> head.add(c.describe()));
        assertEquals(head, t.get(0));
    }

    @Test
    void resultTableHasEveryMetricWithMeanSdAndN() {
        List<List<String>> t = MarkdownTables.after(md, "## Results");
        Set<String> seen = new LinkedHashSet<>();
        for (List<String> row : t.subList(1, t.size())) {
            String m = metricOf(row.get(0));
            assertTrue(seen.add(m), "one row per metric: " + m);
            List<Config> sel = selections();
            for (int i = 0; i < sel.size(); i++) {
                assertMeanSd(m + " of " + sel.get(i).describe(), sel.get(i).metric(m), row.get(2 + i));
            }
        }
        assertEquals(metricNames(), new TreeSet<>(seen), "every numeric metric has a row");
    }

    @Test
    void arrowsAndUnitsFollowTheDirections() {
        List<List<String>> t = MarkdownTables.after(md, "## Results");
        for (List<String> row : t.subList(1, t.size())) {
            String m = metricOf(row.get(0));
            String arrow = LOWER.contains(m) ? " ↓" : HIGHER.contains(m) ? " ↑" : "";
            assertEquals("`" + m + "`" + arrow, row.get(0));
        }
        Map<String, String> units = new LinkedHashMap<>();
        t.subList(1, t.size()).forEach(r -> units.put(metricOf(r.get(0)), r.get(1)));
        assertEquals("s", units.get("sec_per_epoch"));
        assertEquals("count", units.get("param_count"));
        assertEquals("1", units.get("test_mse"));
        assertEquals("?", units.get("knn_acc"), "a metric the catalog does not describe has no unit");
    }

    @Test
    void boldMarksTheSignificantBestOfEachRow() {
        List<List<String>> t = MarkdownTables.after(md, "## Results");
        List<Config> sel = selections();
        int bolds = 0;
        int unmarkedDirected = 0;
        for (List<String> row : t.subList(1, t.size())) {
            String m = metricOf(row.get(0));
            int expected = -1;
            if (LOWER.contains(m) || HIGHER.contains(m)) {
                List<Integer> ranked = new ArrayList<>();
                for (int i = 0; i < sel.size(); i++) {
                    if (sel.get(i).metric(m) != null) {
                        ranked.add(i);
                    }
                }
                Comparator<Integer> byMean = Comparator.comparingDouble(i -> mean(sel.get(i).metric(m)));
                ranked.sort(HIGHER.contains(m) ? byMean.reversed() : byMean);
                if (ranked.size() >= 2) {
                    Welch w = welch(sel.get(ranked.get(0)).metric(m), sel.get(ranked.get(1)).metric(m));
                    assertTrue(Double.isNaN(w.p()) || Math.abs(w.p() - ALPHA) > 1e-6, "fixture: p not at the threshold");
                    if (w.p() < ALPHA) {
                        expected = ranked.get(0);
                    }
                }
                if (expected < 0) {
                    unmarkedDirected++;
                }
            }
            for (int i = 0; i < sel.size(); i++) {
                assertEquals(i == expected, bold(row.get(2 + i)), m + " of " + sel.get(i).describe() + ": " + row.get(2 + i));
            }
            bolds += expected >= 0 ? 1 : 0;
        }
        assertTrue(bolds > 0 && unmarkedDirected > 0, "the fixture has both a bold best and a row without one");
    }

    @Test
    void significanceTableHasWelchHolmAndEffectSizes() {
        List<List<String>> t = MarkdownTables.after(md, "## Significance");
        assertEquals(List.of("comparison", "metric", "mean A", "mean B", "A − B", "t", "df", "p", "p (Holm)", "d"), t.get(0));
        Config ae = selected(0);
        Config dae = selected(1);
        Config cae = selected(2);
        List<Config[]> pairs = List.of(new Config[] {dae, ae}, new Config[] {cae, ae}, new Config[] {cae, dae});
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (List<String> r : t.subList(1, t.size())) {
            assertTrue(rows.put(r.get(0) + " / " + metricOf(r.get(1)), r) == null, "one row per pair and metric: " + r);
        }
        int expectedRows = 0;
        int significant = 0;
        int notSignificant = 0;
        for (String m : metricNames()) {
            if (UNTESTED.contains(m)) {
                continue;
            }
            List<Config[]> used = pairs.stream().filter(p -> p[0].metric(m) != null && p[1].metric(m) != null).toList();
            double[] p = new double[used.size()];
            List<Welch> tests = new ArrayList<>();
            for (int i = 0; i < used.size(); i++) {
                tests.add(welch(used.get(i)[0].metric(m), used.get(i)[1].metric(m)));
                p[i] = tests.get(i).p();
            }
            double[] adjusted = holm(p);
            for (int i = 0; i < used.size(); i++) {
                expectedRows++;
                Config a = used.get(i)[0];
                Config b = used.get(i)[1];
                String key = a.label() + " vs " + b.label() + " / " + m;
                List<String> r = rows.get(key);
                if (r == null) {
                    fail("no significance row " + key + " in " + rows.keySet());
                }
                Welch w = tests.get(i);
                assertSig(key + " mean A", mean(a.metric(m)), r.get(2));
                assertSig(key + " mean B", mean(b.metric(m)), r.get(3));
                assertSig(key + " A − B", mean(a.metric(m)) - mean(b.metric(m)), r.get(4));
                assertFixed(key + " t", w.t(), 2, r.get(5));
                assertFixed(key + " df", w.df(), 1, r.get(6));
                assertP(key + " p", w.p(), r.get(7));
                assertFalse(bold(r.get(7)), key + ": the uncorrected p is not marked");
                assertP(key + " p (Holm)", adjusted[i], r.get(8));
                assertTrue(Math.abs(adjusted[i] - ALPHA) > 1e-6, "fixture: Holm p not at the threshold");
                assertEquals(adjusted[i] < ALPHA, bold(r.get(8)), key + ": bold iff p (Holm) < 0.05, p (Holm) = " + adjusted[i]);
                assertFixed(key + " d", w.d(), 2, r.get(9));
                if (adjusted[i] < ALPHA) {
                    significant++;
                } else {
                    notSignificant++;
                }
            }
        }
        assertEquals(expectedRows, rows.size(), "exactly the tested pairs: " + rows.keySet());
        assertTrue(significant > 0 && notSignificant > 0, "the fixture has significant and non-significant comparisons");
    }

    @Test
    void sweepTableMarksTheSelectionAndCountsSeeds() {
        List<List<String>> t = MarkdownTables.after(md, "### cae");
        assertEquals(List.of("configuration", "ok / planned", "`val_mse` ↓", "`test_mse` ↓", "`sec_per_epoch` ↓"), t.get(0));
        List<Config> cae = ThreeBlocks.CONFIGS.stream().filter(c -> c.block() == 2).toList();
        assertEquals(cae.size(), t.size() - 1);
        for (int i = 0; i < cae.size(); i++) {
            Config c = cae.get(i);
            List<String> r = t.get(1 + i);
            assertEquals(c == selected(2) ? "**" + c.varying() + "** (selected)" : c.varying(), r.get(0));
            assertEquals(c.okSeeds() + " / " + ThreeBlocks.SEEDS, r.get(1));
            assertMeanSd(c.describe() + " val_mse", c.metric("val_mse"), r.get(2));
            assertMeanSd(c.describe() + " test_mse", c.metric("test_mse"), r.get(3));
            assertMeanSd(c.describe() + " sec_per_epoch", c.metric("sec_per_epoch"), r.get(4));
        }
    }

    @Test
    void trialCountsAndTheFailedSeedAreStated() {
        int planned = ThreeBlocks.CONFIGS.size() * ThreeBlocks.SEEDS;
        int ok = ThreeBlocks.CONFIGS.stream().mapToInt(Config::okSeeds).sum();
        assertTrue(md.contains("- Trials: " + planned + " planned, " + ok + " ok, " + (planned - ok)
                + " failed, 0 diverged, 0 pending."), md);
        assertTrue(md.contains("- **cae lambda=1**: 2 ok, 1 failed, 0 diverged, 0 pending (failed seed=2: "
                + ThreeBlocks.FAILED_ERROR + ")."), md);
    }

    @Test
    void summaryCsvHasEveryConfigurationToFullPrecision() {
        List<String> head = csv.get(0);
        assertEquals(List.of("block", "label", "config_id", "varying", "selected", "planned", "ok", "failed", "diverged",
                "pending"), head.subList(0, 10));
        assertEquals(ThreeBlocks.CONFIGS.size(), csv.size() - 1);
        for (int i = 0; i < ThreeBlocks.CONFIGS.size(); i++) {
            Config c = ThreeBlocks.CONFIGS.get(i);
            List<String> r = csv.get(1 + i);
            String where = c.describe() + " in summary.csv";
            assertEquals(Integer.toString(c.block()), r.get(0), where);
            assertEquals(c.label(), r.get(1), where);
            assertEquals(c.varying(), r.get(3), where);
            assertEquals(Boolean.toString(c == selected(c.block())), r.get(4), where + ": selected");
            assertEquals(List.of("3", Integer.toString(c.okSeeds()), Integer.toString(3 - c.okSeeds()), "0", "0"),
                    r.subList(5, 10), where + ": counts");
            for (String m : metricNames()) {
                double[] x = c.metric(m);
                String mean = r.get(head.indexOf(m + "_mean"));
                String sd = r.get(head.indexOf(m + "_sd"));
                String n = r.get(head.indexOf(m + "_n"));
                if (x == null) {
                    assertEquals(List.of("", "", "0"), List.of(mean, sd, n), where + " " + m);
                    continue;
                }
                assertEquals(mean(x), Double.parseDouble(mean), 1e-13 * Math.max(1, Math.abs(mean(x))), where + " " + m + " mean");
                assertEquals(sd(x), Double.parseDouble(sd), 1e-10 * Math.max(1e-3, sd(x)), where + " " + m + " sd");
                assertEquals(Integer.toString(x.length), n, where + " " + m + " n");
            }
        }
    }
}
