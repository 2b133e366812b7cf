package dev.aebench.sparse;

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
 * Sparse autoencoders (KL and L1 activity penalties) trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link ResumeCheck}).
 */
class SparseResumeTest {
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

    /** The KL sparsity penalty. */
    @Test
    void klSparsity() {
        check("sparse", Map.of("hidden", "8", "batch", "16"), 4, new int[] {2}, 0);
    }

    /** An L1 activity penalty. */
    @Test
    void l1Activity() {
        check("sparse", Map.of("hidden", "8", "batch", "16", "l1", "0.01", "beta", "0"), 3, new int[] {1}, 0);
    }
}
