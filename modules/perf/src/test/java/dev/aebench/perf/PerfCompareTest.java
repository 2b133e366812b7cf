package dev.aebench.perf;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison with a stand-in for the forked JVMs: the order of the runs and the verdicts on constructed ratios. */
class PerfCompareTest {
    static final CompareSide BASE = new CompareSide("base", "1111111111111111111111111111111111111111", Path.of("."), List.of(), List.of());
    static final CompareSide HEAD = new CompareSide("working tree", "2222222222222222222222222222222222222222-dirty", Path.of("."), List.of(),
            List.of());

    /** Returns ratios around each family's level, scaled on the head side by {@code headFactor}; records the call order. */
    static final class FakeRunner implements SideRunner {
        final List<String> calls = new ArrayList<>();
        final Map<String, Double> levels;
        final Map<String, Double> headFactor;
        final Map<String, Double> headLoss;
        final SplittableRandom random = new SplittableRandom(5);

        FakeRunner(Map<String, Double> levels, Map<String, Double> headFactor, Map<String, Double> headLoss) {
            this.levels = levels;
            this.headFactor = headFactor;
            this.headLoss = headLoss;
        }

        @Override
        public Map<String, FamilySample> run(CompareSide side, WorkloadMode mode, List<String> families, int repeats) {
            calls.add(side.name());
            boolean head = side == HEAD;
            Map<String, FamilySample> out = new LinkedHashMap<>();
            levels.forEach((f, level) -> {
                List<Double> r = new ArrayList<>();
                for (int i = 0; i < repeats; i++) {
                    r.add(level * (head ? headFactor.getOrDefault(f, 1.0) : 1.0) * (1 + 0.03 * (2 * random.nextDouble() - 1)));
                }
                double loss = head ? headLoss.getOrDefault(f, 0.5) : 0.5;
                List<Double> ones = java.util.Collections.nCopies(repeats, 1.0);
                out.put(f, new FamilySample(f, r, ones, ones, java.util.Collections.nCopies(repeats, loss)));
            });
            return out;
        }
    }

    private static CompareOptions options() {
        return new CompareOptions("main", WorkloadMode.SHORT, List.of(), 5, 3, 0.15, 0.01, 1e-4);
    }

    private static String run(PerfCompare c, int[] exit) {
        StringWriter s = new StringWriter();
        exit[0] = c.run(options(), BASE, HEAD, GateOutputs.NONE, new PrintWriter(s, true), l -> { });
        return s.toString();
    }

    @Test
    void runsTheSidesAlternatelyAndPassesAnUnchangedTree() {
        FakeRunner f = new FakeRunner(Map.of("ae", 2.0, "deep", 4.0), Map.of(), Map.of());
        int[] exit = new int[1];
        String out = run(new PerfCompare(f, InjectedFaults.NONE), exit);
        assertEquals(0, exit[0], out);
        assertEquals(List.of("base", "working tree", "base", "working tree", "base", "working tree", "base", "working tree", "base",
                "working tree"), f.calls);
        assertTrue(out.contains("perf compare: passed (2 families; every Hodges-Lehmann ratio now / base within"), out);
        assertTrue(out.contains("now/base (98% CI)"), out);
    }

    @Test
    void aSlowerFamilyAndAChangedLossFailByName() {
        FakeRunner f = new FakeRunner(Map.of("ae", 2.0, "deep", 4.0, "pca", 6.0), Map.of("deep", 1.35), Map.of("pca", 0.6));
        int[] exit = new int[1];
        String out = run(new PerfCompare(f, InjectedFaults.NONE), exit);
        assertEquals(1, exit[0], out);
        assertTrue(out.lines().anyMatch(l -> l.matches("perf compare: FAILED: deep is 3\\d\\.\\d% slower than the base \\(p = .*\\)")), out);
        assertTrue(out.contains("perf compare: FAILED: pca final loss changed: 0.600000000, base 0.500000000"), out);
        assertTrue(out.lines().noneMatch(l -> l.contains("FAILED: ae")), out);
    }

    @Test
    void aFaultNamingAFamilyNotMeasuredIsRefused() {
        FakeRunner f = new FakeRunner(Map.of("ae", 2.0), Map.of(), Map.of());
        PerfCompare c = new PerfCompare(f, new InjectedFaults("deep", 100, null, 0));
        UserError e = assertThrows(UserError.class, () -> run(c, new int[1]));
        assertTrue(e.getMessage().contains("names family deep"), e.getMessage());
    }

    @Test
    void optionsAreValidated() {
        assertThrows(UserError.class, () -> new CompareOptions(" ", WorkloadMode.SHORT, List.of(), 5, 3, 0.15, 0.01, 1e-4));
        UserError e = assertThrows(UserError.class, () -> new CompareOptions("main", WorkloadMode.SHORT, List.of(), 1, 3, 0.15, 0.01, 1e-4));
        assertTrue(e.getMessage().startsWith("--rounds"), e.getMessage());
        assertThrows(UserError.class, () -> new CompareOptions("main", WorkloadMode.SHORT, List.of(), 5, 2, 0.15, 0.01, 1e-4));
    }
}
