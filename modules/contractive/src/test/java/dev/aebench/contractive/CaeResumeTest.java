package dev.aebench.contractive;

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
 * Contractive autoencoders (closed-form, exact deep and Hutchinson penalties) trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link ResumeCheck}).
 */
class CaeResumeTest {
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
