package dev.aebench.perf;

import dev.aebench.core.error.UserError;
import dev.aebench.core.model.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate end to end on the cheapest family ({@code linear}), with no assertion on speed: the
 * threshold is set out of reach, so only the quality comparison and the plumbing are tested.
 */
class PerfCheckTest {
    @TempDir
    Path dir;

    private static final ModelRegistry REGISTRY = ModelRegistry.load();

    private PerfOptions options(Path baseline, boolean update, List<String> families) {
        return new PerfOptions(baseline, 10, 0.01, 3, WorkloadMode.SHORT, update, families, 1e-4, 1, "test", TestClasses.CLASS);
    }

    private static String run(PerfCheck check, PerfOptions o, int[] exit) {
        StringWriter s = new StringWriter();
        exit[0] = check.run(o, new PrintWriter(s, true), line -> { });
        return s.toString();
    }

    @Test
    void updateThenCheckPassesAndAChangedSeedFailsNamingTheFamily() {
        Path b = dir.resolve("perf-baseline.json");
        int[] exit = new int[1];
        String out = run(new PerfCheck(REGISTRY, InjectedFaults.NONE), options(b, true, List.of("linear")), exit);
        assertEquals(0, exit[0], out);
        assertTrue(out.contains("wrote the 'short' section"), out);
        ModeBaseline s = BaselineFile.read(b).mode(TestClasses.ID, WorkloadMode.SHORT).orElseThrow();
        assertEquals(List.of("linear"), List.copyOf(s.families().keySet()));
        assertEquals(3, s.families().get("linear").ratios().size());
        assertEquals("test", s.provenance().command());

        out = run(new PerfCheck(REGISTRY, InjectedFaults.NONE), options(b, false, List.of()), exit);
        assertEquals(0, exit[0], out);
        assertTrue(out.contains("perf check: passed"), out);

        InjectedFaults seed = new InjectedFaults(null, 0, "linear", 1);
        out = run(new PerfCheck(REGISTRY, seed), options(b, false, List.of()), exit);
        assertEquals(1, exit[0], out);
        assertTrue(out.contains("FAILED: linear final loss changed"), out);
        assertTrue(out.contains("INJECTED FAULTS"), out);
    }

    @Test
    void anUpdateOfSomeFamiliesKeepsTheOthers() {
        Path b = dir.resolve("perf-baseline.json");
        int[] exit = new int[1];
        run(new PerfCheck(REGISTRY, InjectedFaults.NONE), options(b, true, List.of("linear")), exit);
        double linearLoss = BaselineFile.read(b).mode(TestClasses.ID, WorkloadMode.SHORT).orElseThrow().families().get("linear").finalLoss();
        String out = run(new PerfCheck(REGISTRY, InjectedFaults.NONE), options(b, true, List.of("tied")), exit);
        assertEquals(0, exit[0], out);
        assertTrue(out.contains("re-measured tied, kept 1 other families"), out);
        ModeBaseline s = BaselineFile.read(b).mode(TestClasses.ID, WorkloadMode.SHORT).orElseThrow();
        assertEquals(List.of("linear", "tied"), List.copyOf(s.families().keySet()));
        assertEquals(linearLoss, s.families().get("linear").finalLoss());
    }

    @Test
    void userErrorsForMissingSectionUnknownFamilyAndStrayFault() {
        Path b = dir.resolve("b.json");
        BaselineProvenance p = new BaselineProvenance("c", "j", "cpu", 0, "k", "d", "cmd");
        ModeBaseline full = new ModeBaseline(p, 2, CalibrationKernel.ID, WorkloadMode.FULL.steps(), Workload.BATCH, 0,
                java.util.Map.of("linear", new FamilyBaseline(List.of(1.0, 1.0), 0.1, 1, 1)));
        BaselineFile.write(b, Baseline.EMPTY.with(TestClasses.ID, WorkloadMode.FULL, full));
        PerfCheck check = new PerfCheck(REGISTRY, InjectedFaults.NONE);
        PrintWriter sink = new PrintWriter(new StringWriter());
        UserError e = assertThrows(UserError.class, () -> check.run(options(b, false, List.of()), sink, l -> { }));
        assertTrue(e.getMessage().contains("no 'short' section") && e.getMessage().contains("--short --update-baseline"), e.getMessage());

        PerfOptions fullOpts = new PerfOptions(b, 10, 0.01, 3, WorkloadMode.FULL, false, List.of("ae"), 1e-4, 1, "t", TestClasses.CLASS);
        e = assertThrows(UserError.class, () -> check.run(fullOpts, sink, l -> { }));
        assertTrue(e.getMessage().contains("no 'full' values for family ae"), e.getMessage());

        PerfOptions unknown = new PerfOptions(b, 10, 0.01, 3, WorkloadMode.FULL, false, List.of("nope"), 1e-4, 1, "t", TestClasses.CLASS);
        assertThrows(UserError.class, () -> check.run(unknown, sink, l -> { }));

        PerfCheck stray = new PerfCheck(REGISTRY, new InjectedFaults("deep", 10, null, 0));
        PerfOptions linearOnly = new PerfOptions(b, 10, 0.01, 3, WorkloadMode.FULL, false, List.of("linear"), 1e-4, 1, "t", TestClasses.CLASS);
        e = assertThrows(UserError.class, () -> stray.run(linearOnly, sink, l -> { }));
        assertTrue(e.getMessage().contains("names family deep"), e.getMessage());
    }

    @Test
    void aBaselineFromAnotherVectorWidthComparesOnlyTheLoss() {
        Path b = dir.resolve("b.json");
        int[] exit = new int[1];
        run(new PerfCheck(REGISTRY, InjectedFaults.NONE), options(b, true, List.of("linear")), exit);
        ModeBaseline s = BaselineFile.read(b).mode(TestClasses.ID, WorkloadMode.SHORT).orElseThrow();
        BaselineProvenance p = s.provenance();
        BaselineProvenance other = new BaselineProvenance(p.commit(), p.jdk(), p.cpu(), 8, p.kernels(), p.date(), p.command());
        // slower by a factor 1000 in the baseline's eyes, but from another class of machine
        FamilyBaseline f = s.families().get("linear");
        FamilyBaseline fast = new FamilyBaseline(f.ratios().stream().map(r -> r / 1000).toList(), f.finalLoss(), 1, 1);
        BaselineFile.write(b, Baseline.EMPTY.with(TestClasses.ID, WorkloadMode.SHORT, new ModeBaseline(other, s.threads(), s.calibration(), s.steps(),
                s.batch(), s.seed(), java.util.Map.of("linear", fast))));
        PerfOptions strict = new PerfOptions(b, 0.15, 0.5 - 1e-9, 3, WorkloadMode.SHORT, false, List.of(), 1e-4, 1, "t", TestClasses.CLASS);
        String out = run(new PerfCheck(REGISTRY, InjectedFaults.NONE), strict, exit);
        assertEquals(0, exit[0], out);
        assertTrue(out.contains("8-bit vectors") && out.contains("speed not compared"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("linear") && l.contains(" n/a ") && l.endsWith("ok")), out);
    }

    @Test
    void changedCalibrationRefusesToCompare() {
        Path b = dir.resolve("b.json");
        BaselineProvenance p = new BaselineProvenance("c", "j", "cpu", 0, "k", "d", "cmd");
        ModeBaseline old = new ModeBaseline(p, 2, "gemm-old", WorkloadMode.SHORT.steps(), Workload.BATCH, 0,
                java.util.Map.of("linear", new FamilyBaseline(List.of(1.0, 1.0), 0.1, 1, 1)));
        BaselineFile.write(b, Baseline.EMPTY.with(TestClasses.ID, WorkloadMode.SHORT, old));
        PerfCheck check = new PerfCheck(REGISTRY, InjectedFaults.NONE);
        UserError e = assertThrows(UserError.class, () -> check.run(options(b, false, List.of()), new PrintWriter(new StringWriter()), l -> { }));
        assertTrue(e.getMessage().contains("calibration gemm-old"), e.getMessage());
    }

    @Test
    void aMachineOfAClassWithoutASectionIsToldToCompareOrUpdate() {
        Path b = dir.resolve("b.json");
        int[] exit = new int[1];
        run(new PerfCheck(REGISTRY, InjectedFaults.NONE), options(b, true, List.of("linear")), exit);
        CpuClass other = new CpuClass(TestClasses.CLASS.vectorBits(), 2 * TestClasses.CLASS.bandLow());
        PerfOptions elsewhere = new PerfOptions(b, 10, 0.01, 3, WorkloadMode.SHORT, false, List.of(), 1e-4, 1, "t", other);
        UserError e = assertThrows(UserError.class, () -> new PerfCheck(REGISTRY, InjectedFaults.NONE).run(elsewhere,
                new PrintWriter(new StringWriter()), l -> { }));
        assertEquals("baseline " + b + " has no 'short' section for this machine's CPU class " + other.id() + " (as given with "
                + "--cpu-class); it has " + TestClasses.ID + ". Compare side by side instead: aebench perf compare --base REV --short, "
                + "or measure a section for this class: aebench perf check --short --update-baseline", e.getMessage());
        // an update for that class adds its section and keeps the first
        run(new PerfCheck(REGISTRY, InjectedFaults.NONE), new PerfOptions(b, 10, 0.01, 3, WorkloadMode.SHORT, true, List.of("linear"), 1e-4,
                1, "t", other), exit);
        assertEquals(java.util.Set.of(TestClasses.ID, other.id()), BaselineFile.read(b).classes().keySet());
    }

    @Test
    void theOutputsOfACheckAreWrittenAndRefusedWithAnUpdate() throws Exception {
        Path b = dir.resolve("b.json");
        int[] exit = new int[1];
        run(new PerfCheck(REGISTRY, InjectedFaults.NONE), options(b, true, List.of("linear")), exit);
        GateOutputs outs = new GateOutputs(dir.resolve("o.json"), dir.resolve("o.xml"), dir.resolve("o.md"), null);
        StringWriter s = new StringWriter();
        int code = new PerfCheck(REGISTRY, InjectedFaults.NONE).run(options(b, false, List.of()), outs, new PrintWriter(s, true), l -> { });
        assertEquals(0, code, s.toString());
        assertTrue(java.nio.file.Files.readString(dir.resolve("o.json")).contains("\"command\" : \"check\""));
        assertTrue(java.nio.file.Files.readString(dir.resolve("o.xml")).contains("<testcase classname=\"aebench.perf.check.short\" name=\"linear\""));
        assertTrue(java.nio.file.Files.readString(dir.resolve("o.md")).startsWith("### aebench perf check: passed"));
        assertThrows(UserError.class, () -> new PerfCheck(REGISTRY, InjectedFaults.NONE).run(options(b, true, List.of("linear")), outs,
                new PrintWriter(new StringWriter()), l -> { }));
    }
}
