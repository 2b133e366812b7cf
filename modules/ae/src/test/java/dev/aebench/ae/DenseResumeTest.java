package dev.aebench.ae;

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
 * Plain, deep, tied and linear autoencoders trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link ResumeCheck}).
 */
class DenseResumeTest {
    private static final int SIDE = 4;
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
