package dev.aebench.perf;

import dev.aebench.core.error.UserError;
import dev.aebench.core.result.Provenance;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code perf compare}: the base and the working tree measured side by side on the same machine
 * in the same job. Each of {@code rounds} rounds runs the base's workloads and then the working
 * tree's, each in a fresh JVM (A B A B ...), so a drift of the machine during the job touches both
 * sides alike and no JIT or allocation state is shared. Per family, the calibrated ratios of all
 * rounds are pooled per side and compared exactly as {@code perf check} compares with a baseline
 * ({@link SpeedComparison}: one-sided Mann-Whitney and the threshold), with the Hodges-Lehmann
 * ratio and its interval ({@link RatioInterval}); the final losses must agree
 * ({@link QualityComparison}). Exit 0 / 1 as the check; bad input is a {@link UserError}.
 */
public final class PerfCompare {
    private final SideRunner runner;
    private final InjectedFaults faults;

    public PerfCompare(SideRunner runner, InjectedFaults faults) {
        this.runner = runner;
        this.faults = faults;
    }

    /** Measures both sides, prints the table to {@code out}, writes {@code outputs}, returns the exit code. */
    public int run(CompareOptions o, CompareSide base, CompareSide head, GateOutputs outputs, PrintWriter out, Consumer<String> progress) {
        WorkloadMode mode = o.mode();
        CpuClass.Measured cls = CpuClass.measure();
        out.printf(Locale.ROOT, "perf compare: %s workload (%d steps of batch %d per family), base %s against the working tree %s, "
                        + "%d rounds of fresh JVMs (base, then working tree) with %d repeats each%n", mode.label(), mode.steps(), Workload.BATCH,
                BaseBuild.shortSha(base.commit()), shortCommit(head.commit()), o.rounds(), o.repeats());
        out.printf(Locale.ROOT, "regression = p(slower) < %s and median ratio more than %s above the base's; loss tolerance %s (relative); "
                + "CPU class %s%n", o.alpha(), PerfCheck.percent(o.threshold()), o.lossTolerance(), cls.describe());
        List<String> notes = new ArrayList<>();
        if (faults.any()) {
            String n = "INJECTED FAULTS (demonstration, working tree side only): " + faults.describe();
            out.println(n);
            notes.add(n);
        }
        out.flush();
        Map<String, Pool> basePool = new LinkedHashMap<>();
        Map<String, Pool> headPool = new LinkedHashMap<>();
        for (int r = 1; r <= o.rounds(); r++) {
            progress.accept("round " + r + "/" + o.rounds() + ": base " + BaseBuild.shortSha(base.commit()));
            add(basePool, runner.run(base, mode, o.families(), o.repeats()));
            progress.accept("round " + r + "/" + o.rounds() + ": working tree");
            add(headPool, runner.run(head, mode, o.families(), o.repeats()));
        }
        List<String> families = new ArrayList<>();
        List<String> onlyHead = new ArrayList<>();
        for (String f : headPool.keySet()) {
            (basePool.containsKey(f) ? families : onlyHead).add(f);
        }
        List<String> onlyBase = basePool.keySet().stream().filter(f -> !headPool.containsKey(f)).toList();
        if (!onlyHead.isEmpty()) {
            notes.add("only in the working tree, not compared: " + String.join(", ", onlyHead));
        }
        if (!onlyBase.isEmpty()) {
            notes.add("only in the base, not compared: " + String.join(", ", onlyBase));
        }
        for (String f : faults.families()) {
            if (!families.contains(f)) {
                throw new UserError("injected fault names family " + f + ", which this comparison does not measure (" + String.join(", ", families) + ")");
            }
        }
        if (families.isEmpty()) {
            throw new UserError("perf compare: the base and the working tree have no family in common");
        }
        double confidence = GateOutcome.confidenceFor(o.alpha());
        List<FamilyResult> results = new ArrayList<>();
        List<FamilyOutcome> rows = new ArrayList<>();
        for (String f : families) {
            FamilySample b = basePool.get(f).sample(f);
            FamilySample h = headPool.get(f).sample(f);
            SpeedComparison speed = SpeedComparison.compare(b.ratioArray(), h.ratioArray(), o.threshold(), o.alpha());
            QualityComparison quality = baseDeterministic(b)
                    ? QualityComparison.compare(b.finalLoss(), h, o.lossTolerance())
                    : new QualityComparison(b.finalLoss(), h.finalLoss(), Double.NaN, QualityVerdict.NONDETERMINISTIC);
            FamilyResult r = new FamilyResult(f, h, speed, quality);
            results.add(r);
            rows.add(FamilyOutcome.of(r, b.ratioArray(), confidence, "the base"));
        }
        out.print(GateReport.comparison(results, rows));
        for (String n : notes) {
            if (!n.startsWith("INJECTED")) {
                out.println("note: " + n);
            }
        }
        Provenance prov = Provenance.capture(Map.of(), 0, "", 1, "");
        GateOutcome outcome = new GateOutcome("compare", mode.label(), head.commit(), java.time.Instant.now().toString(), prov.cpu(),
                cls.cpuClass().id(), cls.gflops(), prov.jdk(), "as built by each side", "base " + o.base() + " (" + BaseBuild.shortSha(base.commit())
                + ")", base.commit(), o.threshold(), o.alpha(), o.lossTolerance(), rows, notes);
        outputs.write(outcome);
        List<String> failures = rows.stream().filter(FamilyOutcome::failed).map(FamilyOutcome::failure).toList();
        if (failures.isEmpty()) {
            out.printf(Locale.ROOT, "perf compare: passed (%d families; every Hodges-Lehmann ratio now / base within %s)%n", rows.size(), range(rows));
        } else {
            failures.forEach(f -> out.println("perf compare: FAILED: " + f));
        }
        out.flush();
        return outcome.exitCode();
    }

    /** Whether every run of the base ended at the same loss; otherwise the base itself is nondeterministic. */
    private static boolean baseDeterministic(FamilySample b) {
        return b.deterministic();
    }

    private static String range(List<FamilyOutcome> rows) {
        double lo = rows.stream().mapToDouble(r -> r.interval().estimate()).min().orElse(1);
        double hi = rows.stream().mapToDouble(r -> r.interval().estimate()).max().orElse(1);
        return String.format(Locale.ROOT, "%.3f-%.3f", lo, hi);
    }

    private static String shortCommit(String c) {
        return c.endsWith("-dirty") ? BaseBuild.shortSha(c.substring(0, c.length() - 6)) + "-dirty" : BaseBuild.shortSha(c);
    }

    private static void add(Map<String, Pool> pool, Map<String, FamilySample> run) {
        run.forEach((f, s) -> pool.computeIfAbsent(f, k -> new Pool()).add(s));
    }

    /** The samples of one family on one side, over all rounds. */
    private static final class Pool {
        final List<Double> ratios = new ArrayList<>();
        final List<Double> epochMillis = new ArrayList<>();
        final List<Double> calibrationMillis = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();

        void add(FamilySample s) {
            ratios.addAll(s.ratios());
            epochMillis.addAll(s.epochMillis());
            calibrationMillis.addAll(s.calibrationMillis());
            losses.addAll(s.finalLosses());
        }

        FamilySample sample(String family) {
            return new FamilySample(family, ratios, epochMillis, calibrationMillis, losses);
        }
    }
}
