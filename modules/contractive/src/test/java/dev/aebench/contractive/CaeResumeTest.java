package dev.aebench.contractive;

import dev.aebench.core.testing.ResumeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * Contractive autoencoders (closed-form, exact deep and Hutchinson penalties) trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link dev.aebench.core.testing.ResumeCheck}).
 */
class CaeResumeTest {
    private static final ResumeFixture FIXTURE = new ResumeFixture(4, 100);

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    private void check(String family, Map<String, String> settings, int epochs, int[] stops, double interval) {
        FIXTURE.check(family, settings, epochs, stops, interval, dir);
    }

    /** The closed-form penalty of one sigmoid layer. */
    @Test
    void closedFormPenalty() {
        check("cae", Map.of("hidden", "6", "batch", "16", "lambda", "0.5"), 5, new int[] {1, 4}, 0);
    }

    /** The exact Jacobian of a two-layer encoder. */
    @Test
    void exactDeepJacobian() {
        check("cae", Map.of("hidden", "6,4", "batch", "16", "jacobian", "exact"), 4, new int[] {2}, 0);
    }

    /** Hutchinson estimates, their probes drawn from the step seed. */
    @Test
    void hutchinsonProbes() {
        check("cae", Map.of("hidden", "6,4", "batch", "16", "jacobian", "hutchinson", "probes", "2"), 5, new int[] {2, 3}, 1e9);
    }
}
