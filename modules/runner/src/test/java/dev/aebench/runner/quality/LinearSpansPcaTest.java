package dev.aebench.runner.quality;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A linear autoencoder with k code units spans PCA's top-k subspace (Baldi and Hornik, 1989): on
 * data with k strong directions plus weak isotropic noise, the largest principal angle between
 * PCA's components and the trained decoder's columns is below 5 degrees.
 */
class LinearSpansPcaTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final int SIDE = 8;
    private static final int K = 4;

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    /**
     * 2000 images with 4 strong directions (variances 0.36 to 0.09) over noise of variance 4e-4 per
     * pixel: a gap of 225x between PCA's 4th and 5th eigenvalues. Measured at commit time: the
     * largest decoder angle is 0.7 to 0.8 degrees for seeds 1 to 5 (0.2 s each). The encoder's rows
     * are still 17 to 24 degrees off: at the optimum they span the same subspace, but their
     * components along the noise directions cost only noise variance and so decay far more slowly
     * than the decoder's, whose errors cost signal variance.
     */
    @Test
    void decoderSpansThePcaSubspaceOnDataWithASpectralGap() {
        Dataset data = SyntheticImages.lowRank(2000, SIDE, new double[] {0.6, 0.5, 0.4, 0.3}, 0.02, 5);
        for (long seed = 1; seed <= 3; seed++) {
            LinearVsPca.Angles angles = LinearVsPca.measure(data, K, Map.of("lr", "0.003", "batch", "32"), 300, seed,
                    KERNELS);
            String report = angles.describe("synthetic d=64 k=4 seed " + seed);
            System.out.println(report);
            assertEquals(K, angles.decoder().length);
            assertTrue(angles.decoder()[K - 1] < 5, report);
            // at the optimum the loss is the noise outside the subspace: 60/64 of 4e-4 per pixel
            assertTrue(angles.linearMse() < 1.25 * 0.02 * 0.02, report);
            assertTrue(angles.linearMse() < 1.1 * angles.pcaMse(), report); // measured 1.05-1.06: noise leaking through the encoder
        }
    }
}
