package dev.aebench.psd;

import dev.aebench.core.testing.ResumeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * Predictive sparse decomposition (FISTA warm-starts its step size estimate from step to step: the checkpoint keeps it) trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link dev.aebench.core.testing.ResumeCheck}).
 */
class PsdResumeTest {
    private static final ResumeFixture FIXTURE = new ResumeFixture(6, 100);

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    private void check(String family, Map<String, String> settings, int epochs, int[] stops, double interval) {
        FIXTURE.check(family, settings, epochs, stops, interval, dir);
    }

    /** Checkpoints at every epoch. */
    @Test
    void everyEpoch() {
        check("psd", Map.of("hidden", "8", "fista_steps", "3", "batch", "16"), 4, new int[] {1, 2}, 0);
    }

    /** A kill two epochs after the checkpoint. */
    @Test
    void killedBetweenCheckpoints() {
        check("psd", Map.of("hidden", "8", "fista_steps", "3", "batch", "16"), 5, new int[] {3}, 1e9);
    }
}
