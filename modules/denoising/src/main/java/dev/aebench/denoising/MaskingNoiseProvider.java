package dev.aebench.denoising;

import dev.aebench.core.objective.Corruption;
import dev.aebench.core.objective.CorruptionProvider;

/** {@code mask:nu}: see {@link MaskingNoise}. */
public final class MaskingNoiseProvider implements CorruptionProvider {
    @Override
    public String name() {
        return "mask";
    }

    @Override
    public String meaning() {
        return "mask:nu sets each pixel to 0 with probability nu (nu in [0,1])";
    }

    @Override
    public Corruption create(double level) {
        return new MaskingNoise(Levels.probability("mask", "nu", level));
    }
}
