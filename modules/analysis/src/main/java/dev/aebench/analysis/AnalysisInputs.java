package dev.aebench.analysis;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;

/**
 * What the analyses look at: a trained model, its encoder's Jacobians when it offers them
 * ({@code encoder} null otherwise: the Jacobian analyses are skipped), both splits, their codes
 * when already computed (else null), the probe trained on clean training codes (or null), the
 * kernels and the trial's seed.
 */
public record AnalysisInputs(Autoencoder model, DifferentiableEncoder encoder, Dataset train, Dataset test,
                             float[] trainCodes, float[] testCodes, CodeClassifier probe, Kernels kernels, long seed) {
}
