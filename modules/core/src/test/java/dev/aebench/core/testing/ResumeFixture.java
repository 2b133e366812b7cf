package dev.aebench.core.testing;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;

import java.nio.file.Path;
import java.util.Map;

/**
 * What every family's resume test shares: two-thread kernels, seeded synthetic training and test
 * images of one side, and {@link #check}, which runs {@link ResumeCheck#assertResumesExactly} on a
 * registered family (model seed 5). Close it after the test class.
 */
public final class ResumeFixture implements AutoCloseable {
    private final int side;
    private final Kernels kernels = KernelFactory.create(2);
    private final Dataset train;
    private final Dataset test;

    /** {@code trainImages} training and 40 test images of {@code side x side}, 3 classes. */
    public ResumeFixture(int side, int trainImages) {
        this.side = side;
        this.train = SyntheticImages.generate(trainImages, side, 3, 11);
        this.test = SyntheticImages.generate(40, side, 3, 12);
    }

    /** Trains {@code family} straight and in pieces stopped after {@code stops}; same bits or it fails. */
    public void check(String family, Map<String, String> settings, int epochs, int[] stops, double interval, Path dir) {
        ResumeCheck.assertResumesExactly(ResumeCheck.family(family, settings, side, 5, kernels), train, test, epochs,
                stops, interval, dir);
    }

    @Override
    public void close() {
        kernels.close();
    }
}
