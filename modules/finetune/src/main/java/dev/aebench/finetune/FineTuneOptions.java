package dev.aebench.finetune;

import dev.aebench.core.error.UserError;

/**
 * How a classifier is fine-tuned: epochs over the training split, the mini-batch size, Adam's
 * learning rate (betas 0.9/0.999, eps 1e-8) and the seed of the softmax layer's initialisation
 * and of the batch order. The defaults ({@link #defaults}) are the dense autoencoders' own:
 * batch {@value #DEFAULT_BATCH}, learning rate {@value #DEFAULT_LEARNING_RATE}.
 */
public record FineTuneOptions(int epochs, int batch, float learningRate, long seed) {
    public static final int DEFAULT_BATCH = 128;
    public static final float DEFAULT_LEARNING_RATE = 1e-3f;
    /** The most epochs accepted (as for training). */
    public static final int MAX_EPOCHS = 1_000_000;

    public FineTuneOptions {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new UserError("--finetune: expected an integer in [1, " + MAX_EPOCHS + "] (fine-tuning epochs), found "
                    + epochs);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("fine-tuning batch must be >= 1, was " + batch);
        }
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("fine-tuning learning rate must be > 0, was " + learningRate);
        }
    }

    /** {@code epochs} epochs with the default batch and learning rate. */
    public static FineTuneOptions defaults(int epochs, long seed) {
        return new FineTuneOptions(epochs, DEFAULT_BATCH, DEFAULT_LEARNING_RATE, seed);
    }
}
