package dev.aebench.denoising;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.objective.Corruption;

/** Masking noise: each pixel is set to 0 with probability {@code nu}, independently. */
record MaskingNoise(float nu) implements Corruption {
    @Override
    public String describe() {
        return "mask:" + nu;
    }

    @Override
    public void apply(Kernels kernels, float[] clean, float[] out, int n, long seed) {
        kernels.uniform(seed, out, 0, n);
        for (int i = 0; i < n; i++) {
            out[i] = out[i] < nu ? 0f : clean[i];
        }
    }
}
