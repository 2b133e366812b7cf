package dev.aebench.denoising;

import dev.aebench.core.objective.Corruption;
import dev.aebench.core.objective.CorruptionProvider;

/** {@code additive:sigma}: see {@link AdditiveNoise}. */
public final class AdditiveNoiseProvider implements CorruptionProvider {
    @Override
    public String name() {
        return "additive";
    }

    @Override
    public String meaning() {
        return "additive:sigma adds sigma * N(0,1) to every input without clipping (sigma >= 0)";
    }

    @Override
    public Corruption create(double level) {
        return new AdditiveNoise(Levels.nonNegative("additive", "sigma", level));
    }
}
