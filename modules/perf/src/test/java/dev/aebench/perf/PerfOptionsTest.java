package dev.aebench.perf;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerfOptionsTest {
    private static PerfOptions options(double threshold, double alpha, int repeats, double tol) {
        return new PerfOptions(Path.of("b.json"), threshold, alpha, repeats, WorkloadMode.SHORT, false, List.of(), tol, 1, null);
    }

    @Test
    void thresholdAcceptsPercentOrFraction() {
        assertEquals(0.15, PerfOptions.parseThreshold("15%"), 1e-12);
        assertEquals(0.15, PerfOptions.parseThreshold(" 15 % "), 1e-12);
        assertEquals(0.2, PerfOptions.parseThreshold("0.2"), 1e-12);
    }

    @Test
    void thresholdRefusesAmbiguousOrMalformed() {
        UserError e = assertThrows(UserError.class, () -> PerfOptions.parseThreshold("15"));
        assertTrue(e.getMessage().contains("--threshold"), e.getMessage());
        assertThrows(UserError.class, () -> PerfOptions.parseThreshold("fast"));
    }

    @Test
    void validatesRanges() {
        assertThrows(UserError.class, () -> options(0, 0.01, 7, 1e-4));
        assertThrows(UserError.class, () -> options(0.15, 0.7, 7, 1e-4));
        assertThrows(UserError.class, () -> options(0.15, 0.01, 2, 1e-4));
        assertThrows(UserError.class, () -> options(0.15, 0.01, 7, -1));
        assertEquals("aebench perf check", options(0.15, 0.01, 7, 1e-4).command());
        assertThrows(UserError.class, () -> new PerfOptions(Path.of("b"), 0.15, 0.01, 7, WorkloadMode.SHORT, true, List.of(), 1e-4, 0, null));
    }

    @Test
    void familiesAreSplitTrimmedAndDeduplicated() {
        assertEquals(List.of("ae", "deep", "dae"), PerfOptions.parseFamilies(List.of("ae, Deep", "dae,ae")));
        assertThrows(UserError.class, () -> PerfOptions.parseFamilies(List.of("ae,,deep")));
    }

    @Test
    void repeatsDefaultToTheMode() {
        assertEquals(WorkloadMode.SHORT.defaultRepeats(), PerfOptions.repeatsOrDefault(null, WorkloadMode.SHORT));
        assertEquals(4, PerfOptions.repeatsOrDefault(4, WorkloadMode.FULL));
    }
}
