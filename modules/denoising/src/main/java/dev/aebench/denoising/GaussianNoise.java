package dev.aebench.denoising;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.objective.Corruption;

/** Additive Gaussian noise, {@code clip(x + sigma * N(0,1), 0, 1)} per pixel. */
record GaussianNoise(float sigma) implements Corruption {
    @Override
    public String describe() {
        return "gaussian:" + sigma;
    }

    @Override
    public void apply(Kernels kernels, float[] clean, float[] out, int n, long seed) {
        kernels.gaussian(seed, out, 0, n);
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(1f, Math.max(0f, Math.fma(sigma, out[i], clean[i])));
        }
    }
}
