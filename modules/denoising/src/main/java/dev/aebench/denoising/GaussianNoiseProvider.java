package dev.aebench.denoising;

import dev.aebench.core.objective.Corruption;
import dev.aebench.core.objective.CorruptionProvider;

/** {@code gaussian:sigma}: see {@link GaussianNoise}. */
public final class GaussianNoiseProvider implements CorruptionProvider {
    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String meaning() {
        return "gaussian:sigma adds sigma * N(0,1) to every pixel and clips to [0,1] (sigma >= 0)";
    }

    @Override
    public Corruption create(double level) {
        return new GaussianNoise(Levels.nonNegative("gaussian", "sigma", level));
    }
}
