package dev.aebench.denoising;

import dev.aebench.core.objective.Corruption;
import dev.aebench.core.objective.CorruptionProvider;

/** {@code saltpepper:nu}: see {@link SaltPepperNoise}. */
public final class SaltPepperNoiseProvider implements CorruptionProvider {
    @Override
    public String name() {
        return "saltpepper";
    }

    @Override
    public String meaning() {
        return "saltpepper:nu sets each pixel, with probability nu, to 0 or 1 with equal odds (nu in [0,1])";
    }

    @Override
    public Corruption create(double level) {
        return new SaltPepperNoise(Levels.probability("saltpepper", "nu", level));
    }
}
