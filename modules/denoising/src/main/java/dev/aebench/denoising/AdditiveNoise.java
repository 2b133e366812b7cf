package dev.aebench.denoising;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.objective.Corruption;

/**
 * Additive Gaussian noise without clipping, {@code x + sigma * N(0,1)} per input: the corruption
 * for which a denoising autoencoder's {@code r(x) - x} estimates {@code sigma^2} times the score
 * of the data density, on data not confined to [0,1].
 */
record AdditiveNoise(float sigma) implements Corruption {
    @Override
    public String describe() {
        return "additive:" + sigma;
    }

    @Override
    public void apply(Kernels kernels, float[] clean, float[] out, int n, long seed) {
        kernels.gaussian(seed, out, 0, n);
        for (int i = 0; i < n; i++) {
            out[i] = Math.fma(sigma, out[i], clean[i]);
        }
    }
}
