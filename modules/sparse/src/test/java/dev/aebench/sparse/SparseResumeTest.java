package dev.aebench.sparse;

import dev.aebench.core.testing.ResumeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * Sparse autoencoders (KL and L1 activity penalties) trained in pieces, killed after arbitrary epochs and resumed from their checkpoints,
 * end with the bits of an uninterrupted run ({@link dev.aebench.core.testing.ResumeCheck}).
 */
class SparseResumeTest {
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
