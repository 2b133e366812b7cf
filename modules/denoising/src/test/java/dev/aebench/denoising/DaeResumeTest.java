package dev.aebench.denoising;

import dev.aebench.core.testing.ResumeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * Denoising autoencoders (their corruption drawn per step, counter-based) trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link dev.aebench.core.testing.ResumeCheck}).
 */
class DaeResumeTest {
    private static final ResumeFixture FIXTURE = new ResumeFixture(6, 120);

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    private void check(String family, Map<String, String> settings, int epochs, int[] stops, double interval) {
        FIXTURE.check(family, settings, epochs, stops, interval, dir);
    }

    /** Gaussian noise, killed after epochs 2 and 3. */
    @Test
    void gaussianNoise() {
        check("dae", Map.of("hidden", "8", "batch", "16"), 5, new int[] {2, 3}, 0);
    }

    /** Masking noise; each attempt checkpoints only its first epoch, so kills lose epochs that are redone. */
    @Test
    void maskingNoiseWithKillsBetweenCheckpoints() {
        check("dae", Map.of("hidden", "8", "batch", "16", "noise", "mask"), 5, new int[] {3, 4}, 1e9);
    }

    /** Salt-and-pepper noise. */
    @Test
    void saltAndPepper() {
        check("dae", Map.of("hidden", "8", "batch", "16", "noise", "saltpepper"), 4, new int[] {1}, 0);
    }
}
