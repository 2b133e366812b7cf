package dev.aebench.finetune;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.LayeredEncoder;
import dev.aebench.core.train.EpochListener;

/**
 * Fine-tunes a trained model's encoder as a classifier (Rifai et al. 2011, section 5): copy the
 * encoder, add a softmax layer, train every layer with cross-entropy on the training split, then
 * score the validation split and the test set once each. The trained model itself is not
 * changed. Any model that is a {@link LayeredEncoder} of dense and convolutional layers can be
 * fine-tuned: the dense families, {@code conv}, {@code vae} (from the posterior mean) and
 * {@code pca} (its projection as a linear layer); {@link #unsupported} says why another cannot.
 */
public final class FineTuning {
    private static final long ORDER_STREAM = 0x74756e65L;
    /** The smallest evaluation chunk: large enough that the GEMMs are not per-row. */
    static final int MIN_ROWS = 256;

    private FineTuning() {
    }

    /** Why {@code model} cannot be fine-tuned, or null when it can. */
    public static String unsupported(Autoencoder model) {
        if (!(model instanceof LayeredEncoder l)) {
            return "its encoder is not a stack of dense or convolutional layers that can be copied";
        }
        return EncoderCopy.unsupported(l.encoderLayers(), model.codeDim());
    }

    /**
     * Fine-tunes a copy of {@code model}'s encoder on {@code train} and scores it on
     * {@code validation} (may be null) and {@code test}; the classes are those of
     * {@code train}'s labels. The softmax layer's initialisation and the batch order are drawn
     * from {@code options.seed()}.
     *
     * @throws IllegalArgumentException when the model cannot be fine-tuned ({@link #unsupported})
     */
    public static FineTuneResult run(Autoencoder model, Dataset train, Dataset validation, Dataset test,
                                     FineTuneOptions options, Kernels kernels, EpochListener listener) {
        String problem = unsupported(model);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        long t0 = System.nanoTime();
        FineTunedClassifier c = new FineTunedClassifier(((LayeredEncoder) model).encoderLayers(), model.codeDim(),
                train.classes(), kernels, Math.max(options.batch(), MIN_ROWS), options.seed());
        FineTuneOptions loop = new FineTuneOptions(options.epochs(), options.batch(), options.learningRate(),
                CounterRandom.derive(options.seed(), ORDER_STREAM));
        var fit = c.fit(train, loop, listener);
        double val = validation == null ? Double.NaN : c.accuracy(validation);
        double acc = c.accuracy(test);
        return new FineTuneResult(acc, val, fit, (System.nanoTime() - t0) / 1e9);
    }
}
