package dev.aebench.variational;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.testing.ResumeCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * Variational autoencoders (their sampling noise drawn per step) trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link ResumeCheck}).
 */
class VaeResumeTest {
    private static final int SIDE = 6;
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final Dataset TRAIN = SyntheticImages.generate(100, SIDE, 3, 11);
    private static final Dataset TEST = SyntheticImages.generate(40, SIDE, 3, 12);

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private void check(String family, Map<String, String> settings, int epochs, int[] stops, double interval) {
        ResumeCheck.assertResumesExactly(ResumeCheck.family(family, settings, SIDE, 5, KERNELS), TRAIN, TEST, epochs,
                stops, interval, dir);
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
