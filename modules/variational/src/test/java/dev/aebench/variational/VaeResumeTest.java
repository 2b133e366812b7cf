package dev.aebench.variational;

import dev.aebench.core.testing.ResumeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * Variational autoencoders (their sampling noise drawn per step) trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link dev.aebench.core.testing.ResumeCheck}).
 */
class VaeResumeTest {
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

    /** The Bernoulli decoder. */
    @Test
    void bernoulliDecoder() {
        check("vae", Map.of("hidden", "8", "latent", "3", "batch", "16"), 5, new int[] {2, 3}, 0);
    }

    /** The Gaussian decoder, a kill losing two epochs. */
    @Test
    void gaussianDecoderKilledBetweenCheckpoints() {
        check("vae", Map.of("hidden", "8", "latent", "3", "batch", "16", "decoder", "gaussian"), 4, new int[] {3}, 1e9);
    }
}
