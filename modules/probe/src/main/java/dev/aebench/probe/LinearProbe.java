package dev.aebench.probe;

import dev.aebench.core.error.UserError;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * Linear probe: multinomial logistic regression (softmax over one affine score per class,
 * trained on mean cross-entropy) from codes to class labels, fitted with Tribuo's
 * {@link LinearSGDTrainer} and {@link LogMulticlass}, scored by test accuracy. Codes are
 * standardised with the training set's mean and sd unless {@link ProbeOptions#standardize()} is
 * off. The same options and seed give the same result.
 */
public final class LinearProbe {
    private final ProbeOptions options;

    public LinearProbe(ProbeOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public static LinearProbe withDefaults() {
        return new LinearProbe(ProbeOptions.defaults());
    }

    public ProbeOptions options() {
        return options;
    }

    /**
     * Trains on {@code trainCodes} ({@code trainLabels.length} rows of {@code dim}, row-major) and
     * reports accuracy on the test rows. Bad input is a {@link UserError}.
     */
    public ProbeResult evaluate(int dim, float[] trainCodes, int[] trainLabels, float[] testCodes, int[] testLabels) {
        return evaluate(new LabelledCodes("training", trainCodes, trainLabels, dim),
                new LabelledCodes("test", testCodes, testLabels, dim));
    }

    /** As {@link #evaluate(int, float[], int[], float[], int[])}; the seconds cover everything. */
    public ProbeResult evaluate(LabelledCodes train, LabelledCodes test) {
        long start = System.nanoTime();
        checkCompatible(train, test);
        TrainedProbe probe = train(train);
        double accuracy = probe.accuracy(test);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ProbeResult(accuracy, seconds, train.size(), test.size(), method());
    }

    /** Fits the probe on {@code train}. */
    public TrainedProbe train(LabelledCodes train) {
        if (train.distinctLabels() < 2) {
            throw new UserError(train.role() + " set: only one class (" + train.labels()[0]
                    + "); a probe needs at least two");
        }
        TribuoLogging.quiet();
        FeatureStandardizer standardizer = options.standardize()
                ? FeatureStandardizer.fit(train)
                : FeatureStandardizer.identity(train.dim());
        TribuoExamples examples = new TribuoExamples(standardizer, train.classes());
        MutableDataset<Label> dataset = examples.dataset(train);
        LinearSGDModel model = trainer().train(dataset);
        return new TrainedProbe(model, examples, train.dim(), train.classes());
    }

    /** One line naming the model, the library and the settings. */
    public String method() {
        return "multinomial logistic regression (Tribuo LinearSGDTrainer, LogMulticlass; " + options.describe() + ")";
    }

    private LinearSGDTrainer trainer() {
        StochasticGradientOptimiser optimiser = options.optimiser().create(options.learningRate(), options.minibatchSize());
        if (options.l2() > 0) {
            optimiser = new L2WeightDecay(optimiser, options.l2(), options.minibatchSize());
        }
        return new LinearSGDTrainer(new LogMulticlass(), optimiser, options.epochs(), -1, options.minibatchSize(),
                options.seed());
    }

    private static void checkCompatible(LabelledCodes train, LabelledCodes test) {
        if (train.dim() != test.dim()) {
            throw new UserError(test.role() + " codes have dimension " + test.dim() + " but " + train.role()
                    + " codes have " + train.dim());
        }
        int classes = train.classes();
        int[] labels = test.labels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes) {
                throw new UserError(test.role() + " set: label " + labels[i] + " at row " + i
                        + " is not a " + train.role() + " class (0.." + (classes - 1) + ")");
            }
        }
    }
}
