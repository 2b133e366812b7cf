package dev.aebench.conv;

import dev.aebench.core.testing.ResumeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * Convolutional autoencoders trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link dev.aebench.core.testing.ResumeCheck}).
 */
class ConvResumeTest {
    private static final ResumeFixture FIXTURE = new ResumeFixture(8, 64);

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    private void check(String family, Map<String, String> settings, int epochs, int[] stops, double interval) {
        FIXTURE.check(family, settings, epochs, stops, interval, dir);
    }

    /** Two convolutions, a dense code, two transposed convolutions. */
    @Test
    void convolutional() {
        check("conv", Map.of("channels", "2,3", "code", "4", "batch", "16"), 4, new int[] {1, 3}, 0);
    }

    /** A convolutional autoencoder with a step-seeded corruption (the test-only flip). */
    @Test
    void denoisingConvolutional() {
        check("conv", Map.of("channels", "2", "code", "4", "batch", "16", "corruption", "flip:0.2"), 3, new int[] {2}, 0);
    }
}
