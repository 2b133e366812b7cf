package dev.aebench.analysis;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.objective.Corruption;
import dev.aebench.core.train.Evaluation;

/**
 * The model on corrupted test inputs: the per-pixel MSE of reconstructing the clean image from
 * a corrupted one, and the accuracy of a classifier trained on clean codes when given the codes
 * of corrupted images. Each corruption draws from its own seeded stream.
 */
final class Robustness {
    record Result(double mse, double accuracy) {
    }

    private Robustness() {
    }

    /** {@code classifier} may be null (no accuracy: NaN). */
    static Result measure(Autoencoder model, Dataset test, Corruption corruption, CodeClassifier classifier,
                          Kernels kernels, long seed) {
        float[] noisy = new float[test.x().length];
        corruption.apply(kernels, test.x(), noisy, noisy.length, seed);
        double mse = Evaluation.reconstructionMse(model, test, noisy);
        double accuracy = Double.NaN;
        if (classifier != null) {
            Dataset corrupted = new Dataset(test.name() + "[" + corruption.describe() + "]", noisy, test.labels(),
                    test.size(), test.height(), test.width(), test.fingerprint());
            int[] predicted = classifier.predict(Evaluation.encodeAll(model, corrupted));
            int correct = 0;
            for (int i = 0; i < predicted.length; i++) {
                correct += predicted[i] == test.labels()[i] ? 1 : 0;
            }
            accuracy = (double) correct / predicted.length;
        }
        return new Result(mse, accuracy);
    }

    /** The seed of corruption number {@code i}. */
    static long seed(long trialSeed, int i) {
        return CounterRandom.derive(trialSeed, 40_000L + i);
    }
}
