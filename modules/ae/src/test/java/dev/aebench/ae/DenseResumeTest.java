package dev.aebench.ae;

import dev.aebench.core.testing.ResumeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * Plain, deep, tied and linear autoencoders trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link dev.aebench.core.testing.ResumeCheck}).
 */
class DenseResumeTest {
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

    /** The plain autoencoder. */
    @Test
    void plain() {
        check("ae", Map.of("hidden", "8", "batch", "16"), 4, new int[] {1, 3}, 0);
    }

    /** A deep autoencoder. */
    @Test
    void deep() {
        check("deep", Map.of("hidden", "8,4", "batch", "16"), 4, new int[] {2}, 0);
    }

    /** Tied weights. */
    @Test
    void tied() {
        check("tied", Map.of("hidden", "8", "batch", "16"), 4, new int[] {2}, 0);
    }

    /** The linear autoencoder. */
    @Test
    void linear() {
        check("linear", Map.of("hidden", "4", "batch", "16"), 3, new int[] {1}, 0);
    }

    /** Weight decay. */
    @Test
    void weightDecay() {
        check("ae", Map.of("hidden", "8", "batch", "16", "penalty", "l2:0.001"), 3, new int[] {2}, 1e9);
    }
}
