package dev.aebench.core.train;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.objective.Corruption;

/** Whole-dataset encoding and reconstruction error, in chunks, computed the same way for every model. */
public final class Evaluation {
    private static final int CHUNK = 1000;

    private Evaluation() {
    }

    /** Codes of every row, size x codeDim. */
    public static float[] encodeAll(Autoencoder model, Dataset data) {
        int dim = data.dim();
        int code = model.codeDim();
        float[] codes = new float[data.size() * code];
        float[] in = new float[CHUNK * dim];
        float[] out = new float[CHUNK * code];
        for (int s = 0; s < data.size(); s += CHUNK) {
            int rows = Math.min(CHUNK, data.size() - s);
            System.arraycopy(data.x(), s * dim, in, 0, rows * dim);
            model.encode(in, rows, out);
            System.arraycopy(out, 0, codes, s * code, rows * code);
        }
        return codes;
    }

    /** Per-pixel mean squared error of decode(encode(x)) against x, over all rows. */
    public static double reconstructionMse(Autoencoder model, Dataset data) {
        return reconstructionMse(model, data, data.x());
    }

    /**
     * Per-pixel MSE of decode(encode(input)) against the clean rows of {@code data}; {@code input}
     * may be a corrupted copy of {@code data.x()}.
     */
    public static double reconstructionMse(Autoencoder model, Dataset data, float[] input) {
        int dim = data.dim();
        int code = model.codeDim();
        float[] in = new float[CHUNK * dim];
        float[] codes = new float[CHUNK * code];
        float[] rec = new float[CHUNK * dim];
        double sum = 0;
        for (int s = 0; s < data.size(); s += CHUNK) {
            int rows = Math.min(CHUNK, data.size() - s);
            System.arraycopy(input, s * dim, in, 0, rows * dim);
            model.encode(in, rows, codes);
            model.decode(codes, rows, rec);
            for (int i = 0; i < rows * dim; i++) {
                double d = rec[i] - data.x()[s * dim + i];
                sum += d * d;
            }
        }
        return sum / ((double) data.size() * dim);
    }

    /** The mean over every code unit of every row ({@code mean_code_activation}). */
    public static double meanCodeActivation(Autoencoder model, Dataset data) {
        float[] codes = encodeAll(model, data);
        double sum = 0;
        for (float c : codes) {
            sum += c;
        }
        return sum / codes.length;
    }

    /**
     * Per-pixel MSE of reconstructing the clean rows from a copy corrupted once with a stream
     * derived from {@code seed} ({@code noisy_test_mse} of denoising models).
     */
    public static double noisyReconstructionMse(Autoencoder model, Dataset data, Corruption corruption, Kernels kernels,
                                                long seed) {
        float[] noisy = new float[data.x().length];
        corruption.apply(kernels, data.x(), noisy, noisy.length, CounterRandom.derive(seed, 31337));
        return reconstructionMse(model, data, noisy);
    }
}
