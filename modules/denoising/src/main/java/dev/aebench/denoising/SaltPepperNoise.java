package dev.aebench.denoising;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.objective.Corruption;

/**
 * Salt-and-pepper noise: each pixel is replaced with probability {@code nu}, by 0 or by 1 with
 * equal odds. One uniform number u per pixel decides both: {@code u < nu/2} gives 0,
 * {@code nu/2 <= u < nu} gives 1.
 */
record SaltPepperNoise(float nu) implements Corruption {
    @Override
    public String describe() {
        return "saltpepper:" + nu;
    }

    @Override
    public void apply(Kernels kernels, float[] clean, float[] out, int n, long seed) {
        kernels.uniform(seed, out, 0, n);
        float half = 0.5f * nu;
        for (int i = 0; i < n; i++) {
            float u = out[i];
            out[i] = u < half ? 0f : u < nu ? 1f : clean[i];
        }
    }
}
