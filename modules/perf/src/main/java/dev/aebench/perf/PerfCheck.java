package dev.aebench.perf;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.result.Provenance;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code perf check}: measures the workloads and either compares them with the baseline (exit 0
 * when every family passes, 1 when one is significantly slower or its loss changed) or, with
 * {@code --update-baseline}, rewrites the baseline's section for the mode with provenance. An
 * update with {@code --families} re-measures only those and keeps the section's other families
 * when the section was measured the same way (threads, calibration, workload, vector width).
 */
public final class PerfCheck {
    /** Exit code of a passing check or a written baseline. */
    public static final int PASSED = 0;
    /** Exit code of a regression (speed or quality). */
    public static final int FAILED = 1;

    private final ModelRegistry registry;
    private final InjectedFaults faults;

    public PerfCheck(ModelRegistry registry, InjectedFaults faults) {
        this.registry = registry;
        this.faults = faults;
    }

    /** Runs the check (or the update); the tables go to {@code out}, progress lines to {@code progress}. */
    public int run(PerfOptions options, PrintWriter out, Consumer<String> progress) {
        return run(options, GateOutputs.NONE, out, progress);
    }

    /** Runs the check (or the update) and writes the check's outcome to {@code outputs}. */
    public int run(PerfOptions options, GateOutputs outputs, PrintWriter out, Consumer<String> progress) {
        if (options.updateBaseline()) {
            if (outputs.json() != null || outputs.junit() != null || outputs.markdown() != null || outputs.history() != null) {
                throw new UserError("--json, --junit, --markdown and --history report a check; --update-baseline writes the baseline");
            }
            return update(options, out, progress);
        }
        return check(options, outputs, out, progress);
    }

    /** The CPU class to use: the one given, else measured now. */
    private static CpuClass.Measured cpuClass(PerfOptions o) {
        return o.cpuClass() != null ? new CpuClass.Measured(o.cpuClass(), Double.NaN) : CpuClass.measure();
    }

    private int check(PerfOptions o, GateOutputs outputs, PrintWriter out, Consumer<String> progress) {
        Baseline baseline = BaselineFile.read(o.baseline());
        WorkloadMode mode = o.mode();
        String here = Provenance.capture(Map.of(), 0, "", 1, "").commit();
        outputs.validate(here);
        CpuClass.Measured cls = cpuClass(o);
        String flag = mode == WorkloadMode.SHORT ? " --short" : "";
        ModeBaseline section = baseline.mode(cls.cpuClass().id(), mode).orElseThrow(() -> new UserError("baseline " + o.baseline()
                + " has no '" + mode.label() + "' section for this machine's CPU class " + cls.describe() + "; it has "
                + classesWith(baseline, mode) + ". Compare side by side instead: aebench perf compare --base REV" + flag
                + ", or measure a section for this class: aebench perf check" + flag + " --update-baseline"));
        checkComparable(o, section);
        int bits = section.provenance().vectorBits();
        boolean speedComparable = bits <= 0 || bits == CalibrationKernel.vectorBits();
        List<String> families = checkFamilies(o, section, out);
        long t0 = System.nanoTime();
        Map<String, FamilySample> samples;
        String kernelsName;
        try (Kernels kernels = KernelFactory.create(section.threads());
             CalibrationKernel calibration = new CalibrationKernel(section.threads())) {
            kernelsName = kernels.name();
            out.printf(Locale.ROOT, "perf check: %s workload (%d steps of batch %d per family, seed %d), %d repeats, %d threads, kernels %s%n",
                    mode.label(), mode.steps(), Workload.BATCH, Workload.MODEL_SEED, o.repeats(), section.threads(), kernelsName);
            out.printf(Locale.ROOT, "regression = p(slower) < %s and median ratio more than %s above the baseline; loss tolerance %s (relative)%n",
                    trim(o.alpha()), percent(o.threshold()), trim(o.lossTolerance()));
            BaselineProvenance p = section.provenance();
            out.printf("baseline: %s, CPU class %s (commit %s, %s, %s, %s, %s)%n", o.baseline(), cls.cpuClass().id(),
                    shortCommit(p.commit()), p.jdk(), p.cpu(), p.kernels(), p.date());
            noteDifferences(section, kernelsName, out);
            if (!speedComparable) {
                out.printf("note: the baseline was measured on a CPU with %d-bit vectors, this one prefers %d-bit: speed not compared "
                        + "(the final loss still is); refresh the baseline on this kind of machine%n", bits, CalibrationKernel.vectorBits());
            }
            announceFaults(out);
            out.flush();
            samples = new GateMeasurement(workloads(families, mode, kernels), calibration, progress)
                    .measure(mode.warmupRounds(), o.repeats());
        }
        List<FamilyResult> results = new ArrayList<>();
        for (String f : families) {
            FamilyBaseline base = section.families().get(f);
            FamilySample now = samples.get(f);
            SpeedComparison speed = speedComparable
                    ? SpeedComparison.compare(base.ratioArray(), now.ratioArray(), o.threshold(), o.alpha())
                    : SpeedComparison.notCompared(base.ratioArray(), now.ratioArray());
            results.add(new FamilyResult(f, now, speed, QualityComparison.compare(base.finalLoss(), now, o.lossTolerance())));
        }
        double confidence = GateOutcome.confidenceFor(o.alpha());
        List<FamilyOutcome> rows = results.stream()
                .map(r -> FamilyOutcome.of(r, section.families().get(r.family()).ratioArray(), confidence, "the baseline")).toList();
        out.print(GateReport.comparison(results, rows));
        double secs = (System.nanoTime() - t0) / 1e9;
        Provenance prov = Provenance.capture(Map.of(), 0, "", section.threads(), kernelsName);
        List<String> notes = new ArrayList<>();
        if (faults.any()) {
            notes.add("INJECTED FAULTS (demonstration): " + faults.describe());
        }
        if (!speedComparable) {
            notes.add("speed not compared: the baseline was measured with " + bits + "-bit vectors");
        }
        outputs.write(new GateOutcome("check", mode.label(), prov.commit(), java.time.Instant.now().toString(), prov.cpu(),
                cls.cpuClass().id(), cls.gflops(), prov.jdk(), kernelsName, "baseline " + o.baseline() + " (commit "
                + shortCommit(section.provenance().commit()) + ")", section.provenance().commit(), o.threshold(), o.alpha(),
                o.lossTolerance(), rows, notes));
        List<String> failures = results.stream().filter(FamilyResult::failed).map(FamilyResult::failure).toList();
        if (failures.isEmpty()) {
            out.printf(Locale.ROOT, "perf check: passed (%d families, %.0f s)%n", results.size(), secs);
            out.flush();
            return PASSED;
        }
        for (String f : failures) {
            out.println("perf check: FAILED: " + f);
        }
        out.println("perf check: if the change is intended, refresh the baseline: aebench perf check"
                + (mode == WorkloadMode.SHORT ? " --short" : "") + " --update-baseline (on a quiet machine) and commit it");
        out.flush();
        return FAILED;
    }

    private int update(PerfOptions o, PrintWriter out, Consumer<String> progress) {
        Baseline old = BaselineFile.readIfPresent(o.baseline());
        WorkloadMode mode = o.mode();
        List<String> families = o.families().isEmpty()
                ? registry.all().stream().map(ModelFamily::name).toList()
                : o.families();
        families.forEach(registry::get);
        checkFaultsTarget(families);
        CpuClass.Measured cls = cpuClass(o);
        int threads = o.threads();
        Map<String, FamilySample> samples;
        String kernelsName;
        try (Kernels kernels = KernelFactory.create(threads);
             CalibrationKernel calibration = new CalibrationKernel(threads)) {
            kernelsName = kernels.name();
            out.printf(Locale.ROOT, "perf check --update-baseline: %s workload (%d steps of batch %d per family), %d repeats, %d threads, kernels %s, "
                            + "CPU class %s%n", mode.label(), mode.steps(), Workload.BATCH, o.repeats(), threads, kernelsName, cls.describe());
            announceFaults(out);
            out.flush();
            samples = new GateMeasurement(workloads(families, mode, kernels), calibration, progress)
                    .measure(mode.warmupRounds(), o.repeats());
        }
        out.print(GateReport.measured(samples));
        List<String> unstable = samples.values().stream().filter(s -> !s.deterministic()).map(FamilySample::family).toList();
        if (!unstable.isEmpty()) {
            out.println("perf check: NOT writing the baseline: repeats of the same seeded workload ended at different losses for "
                    + String.join(", ", unstable));
            out.flush();
            return FAILED;
        }
        Provenance prov = Provenance.capture(Map.of(), Workload.MODEL_SEED, "synthetic", threads, kernelsName);
        BaselineProvenance bp = new BaselineProvenance(prov.commit(), prov.jdk(), prov.cpu(), CalibrationKernel.vectorBits(), kernelsName,
                prov.started(), o.command(), cls.gflops());
        Map<String, FamilyBaseline> fams = new java.util.TreeMap<>();
        ModeBaseline previous = old.mode(cls.cpuClass().id(), mode).orElse(null);
        boolean partial = !o.families().isEmpty() && previous != null && sameSetup(previous, threads, mode);
        if (partial) {
            fams.putAll(previous.families());
        }
        samples.forEach((f, s) -> fams.put(f, FamilyBaseline.of(s)));
        ModeBaseline section = new ModeBaseline(bp, threads, CalibrationKernel.ID, mode.steps(), Workload.BATCH, Workload.MODEL_SEED, fams);
        BaselineFile.write(o.baseline(), old.with(cls.cpuClass().id(), mode, section));
        out.printf("perf check: wrote the '%s' section of CPU class %s in %s (%s, %d repeats)%n", mode.label(), cls.cpuClass().id(), o.baseline(),
                partial ? "re-measured " + String.join(", ", samples.keySet()) + ", kept " + (fams.size() - samples.size()) + " other families"
                        : fams.size() + " families", o.repeats());
        if (faults.any()) {
            out.println("perf check: WARNING: this baseline was measured with injected faults; do not commit it");
        }
        out.flush();
        return PASSED;
    }

    /** The classes that have a section for {@code mode}, for the message that this machine's has none. */
    private static String classesWith(Baseline b, WorkloadMode mode) {
        List<String> ids = b.classes().entrySet().stream().filter(e -> e.getValue().containsKey(mode.label())).map(Map.Entry::getKey).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    /** Whether an existing section was measured the way this build would measure it now. */
    private static boolean sameSetup(ModeBaseline section, int threads, WorkloadMode mode) {
        return section.threads() == threads && CalibrationKernel.ID.equals(section.calibration())
                && section.batch() == Workload.BATCH && section.seed() == Workload.MODEL_SEED
                && section.provenance().vectorBits() == CalibrationKernel.vectorBits()
                && section.steps() == mode.steps();
    }

    private static void checkComparable(PerfOptions o, ModeBaseline section) {
        if (!CalibrationKernel.ID.equals(section.calibration())) {
            throw new UserError("baseline " + o.baseline() + " was measured with calibration " + section.calibration()
                    + ", this build has " + CalibrationKernel.ID + "; refresh it with --update-baseline");
        }
        WorkloadMode mode = o.mode();
        if (section.steps() != mode.steps() || section.batch() != Workload.BATCH || section.seed() != Workload.MODEL_SEED) {
            throw new UserError("baseline " + o.baseline() + " '" + mode.label() + "' section is for " + section.steps() + " steps of batch "
                    + section.batch() + " with seed " + section.seed() + ", this build runs " + mode.steps() + " of " + Workload.BATCH
                    + " with seed " + Workload.MODEL_SEED + "; refresh it with --update-baseline");
        }
        if (section.threads() < 1) {
            throw new UserError("baseline " + o.baseline() + ": field threads: expected >= 1, found " + section.threads());
        }
    }

    private List<String> checkFamilies(PerfOptions o, ModeBaseline section, PrintWriter out) {
        List<String> families = new ArrayList<>();
        if (!o.families().isEmpty()) {
            for (String f : o.families()) {
                registry.get(f);
                if (!section.families().containsKey(f)) {
                    throw new UserError("baseline " + o.baseline() + " has no '" + o.mode().label() + "' values for family " + f
                            + " (it has " + String.join(", ", section.families().keySet()) + "); add it with --update-baseline");
                }
                families.add(f);
            }
        } else {
            List<String> registered = registry.all().stream().map(ModelFamily::name).toList();
            List<String> gone = new ArrayList<>();
            for (String f : section.families().keySet()) {
                (registered.contains(f) ? families : gone).add(f);
            }
            List<String> fresh = registered.stream().filter(f -> !section.families().containsKey(f)).toList();
            if (!gone.isEmpty()) {
                out.println("note: in the baseline but not registered, skipped: " + String.join(", ", gone));
            }
            if (!fresh.isEmpty()) {
                out.println("note: registered but not in the baseline, not checked: " + String.join(", ", fresh)
                        + " (add them with --update-baseline)");
            }
            if (families.isEmpty()) {
                throw new UserError("baseline " + o.baseline() + " has no family that is registered here");
            }
        }
        checkFaultsTarget(families);
        return families;
    }

    private void checkFaultsTarget(List<String> families) {
        for (String f : faults.families()) {
            if (!families.contains(f)) {
                throw new UserError("injected fault names family " + f + ", which this run does not measure (" + String.join(", ", families) + ")");
            }
        }
    }

    private List<FamilyWorkload> workloads(List<String> families, WorkloadMode mode, Kernels kernels) {
        return families.stream().map(f -> new FamilyWorkload(Workload.of(f, mode), registry.get(f), kernels, faults)).toList();
    }

    private void announceFaults(PrintWriter out) {
        if (faults.any()) {
            out.println("INJECTED FAULTS (demonstration): " + faults.describe());
        }
    }

    private static void noteDifferences(ModeBaseline section, String kernelsName, PrintWriter out) {
        Provenance here = Provenance.capture(Map.of(), 0, "", section.threads(), kernelsName);
        BaselineProvenance p = section.provenance();
        if (!p.cpu().equals(here.cpu())) {
            out.println("note: the baseline was measured on another CPU (" + p.cpu() + "); this is " + here.cpu());
        }
        if (!p.jdk().equals(here.jdk())) {
            out.println("note: the baseline was measured on another JDK (" + p.jdk() + "); this is " + here.jdk());
        }
        if (!p.kernels().equals(kernelsName)) {
            out.println("note: the baseline was measured with kernels " + p.kernels() + "; these are " + kernelsName);
        }
    }

    private static String shortCommit(String c) {
        return c.length() > 12 && !c.contains("-") ? c.substring(0, 12) : c.length() > 12 ? c.substring(0, 12) + c.substring(c.indexOf('-')) : c;
    }

    static String percent(double fraction) {
        return trim(100 * fraction) + "%";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
