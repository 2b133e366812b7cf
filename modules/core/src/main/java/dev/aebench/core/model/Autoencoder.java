package dev.aebench.core.model;

import dev.aebench.core.checkpoint.Checkpointing;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.train.FitReport;
import dev.aebench.core.train.EpochListener;

import java.util.Map;

/**
 * A trainable model with an encoder and a decoder. Probes and analyses take a fitted model and
 * never retrain it. {@link #encode} and {@link #decode} accept any number of rows.
 */
public interface Autoencoder {
    int inputDim();

    int codeDim();

    long parameterCount();

    /** Trains (or fits) on {@code train}; {@code epochs} may be ignored by closed-form models. */
    FitReport fit(Dataset train, int epochs, EpochListener listener);

    /**
     * As {@link #fit(Dataset, int, EpochListener)}, resuming from and saving to
     * {@code checkpoints} at epoch ends; a model that trains in one step (PCA) ignores them.
     */
    default FitReport fit(Dataset train, int epochs, EpochListener listener, Checkpointing checkpoints) {
        return fit(train, epochs, listener);
    }

    /** Codes for {@code rows} rows of {@code x} into {@code codes} (rows x codeDim). */
    void encode(float[] x, int rows, float[] codes);

    /** Reconstructions for {@code rows} codes into {@code out} (rows x inputDim). */
    void decode(float[] codes, int rows, float[] out);

    /** Family-specific test metrics (penalty value, noisy reconstruction, ...), by name. */
    default Map<String, Double> extraMetrics(Dataset test) {
        return Map.of();
    }
}
