package dev.aebench.probe;

import dev.aebench.core.error.UserError;

/**
 * Settings of a {@link LinearProbe}: passes over the training set, the optimiser and its
 * learning rate, the minibatch size, an L2 penalty on the weights (not the intercepts), the seed
 * that orders the examples, and whether codes are standardised with the training set's mean
 * and standard deviation. The objective is the mean cross-entropy plus {@code l2/2 * |W|^2};
 * scikit-learn's {@code C} corresponds to {@code l2 = 1 / (C * n)}, so its default C=1 on 60,000
 * rows is l2 ~ 1.7e-5, which is practically no penalty. What the learning rate means depends on
 * the optimiser (see {@link ProbeOptimiser}). Invalid values are a {@link UserError}.
 */
public record ProbeOptions(int epochs, double learningRate, double l2, long seed, boolean standardize,
                           int minibatchSize, ProbeOptimiser optimiser, ProbeSolver solver) {
    public static final int DEFAULT_EPOCHS = 10;
    public static final double DEFAULT_LEARNING_RATE = 0.5;
    public static final int DEFAULT_MINIBATCH = 100;
    public static final long DEFAULT_SEED = 1L;
    /**
     * The L-BFGS solver's penalty: scikit-learn's default C=1 on 60,000 rows is 1/60,000, about
     * this; it keeps the minimum finite on separable codes.
     */
    public static final double DEFAULT_LBFGS_L2 = 1e-5;

    /** The {@code sgd} solver with these settings (the options before there was a choice of solver). */
    public ProbeOptions(int epochs, double learningRate, double l2, long seed, boolean standardize, int minibatchSize,
                        ProbeOptimiser optimiser) {
        this(epochs, learningRate, l2, seed, standardize, minibatchSize, optimiser, ProbeSolver.SGD);
    }

    public ProbeOptions {
        if (epochs < 1) {
            throw new UserError("probe epochs: expected >= 1, found " + epochs);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new UserError("probe learning rate: expected a finite value > 0, found " + learningRate);
        }
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new UserError("probe l2: expected a finite value >= 0, found " + l2);
        }
        if (minibatchSize < 1) {
            throw new UserError("probe minibatch: expected >= 1, found " + minibatchSize);
        }
        if (optimiser == null) {
            throw new UserError("probe optimiser: missing");
        }
        if (solver == null) {
            throw new UserError("probe solver: missing");
        }
    }

    /** The defaults of the default solver, {@link ProbeSolver#LBFGS}. */
    public static ProbeOptions defaults() {
        return defaults(ProbeSolver.LBFGS);
    }

    /**
     * The defaults of {@code solver}: for {@code lbfgs}, standardised codes and l2 =
     * {@value #DEFAULT_LBFGS_L2} (the SGD settings are carried but unused); for {@code sgd}, those
     * of {@link #sgdDefaults()}.
     */
    public static ProbeOptions defaults(ProbeSolver solver) {
        ProbeOptions sgd = sgdDefaults();
        return solver == ProbeSolver.SGD ? sgd : new ProbeOptions(sgd.epochs, sgd.learningRate, DEFAULT_LBFGS_L2,
                sgd.seed, true, sgd.minibatchSize, sgd.optimiser, solver);
    }

    /**
     * Averaged AdaGrad, learning rate 0.5, 10 epochs, minibatches of 100, no penalty, standardised
     * codes: on 60,000 Fashion-MNIST rows (raw pixels, PCA-32 codes, 256 sigmoid AE codes) this
     * came within 0.35 points of scikit-learn's converged test accuracy. With much less data,
     * raise the epochs: the number of steps is what counts.
     */
    public static ProbeOptions sgdDefaults() {
        return new ProbeOptions(DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE, 0.0, DEFAULT_SEED, true, DEFAULT_MINIBATCH,
                ProbeOptimiser.AVERAGED_ADAGRAD, ProbeSolver.SGD);
    }

    public ProbeOptions withSeed(long newSeed) {
        return new ProbeOptions(epochs, learningRate, l2, newSeed, standardize, minibatchSize, optimiser, solver);
    }

    public ProbeOptions withEpochs(int newEpochs) {
        return new ProbeOptions(newEpochs, learningRate, l2, seed, standardize, minibatchSize, optimiser, solver);
    }

    public ProbeOptions withStandardize(boolean newStandardize) {
        return new ProbeOptions(epochs, learningRate, l2, seed, newStandardize, minibatchSize, optimiser, solver);
    }

    public ProbeOptions withL2(double newL2) {
        return new ProbeOptions(epochs, learningRate, newL2, seed, standardize, minibatchSize, optimiser, solver);
    }

    /** The same settings fitted by {@code newSolver}. */
    public ProbeOptions withSolver(ProbeSolver newSolver) {
        return new ProbeOptions(epochs, learningRate, l2, seed, standardize, minibatchSize, optimiser, newSolver);
    }

    /** One line for reports, e.g. {@code averaged_adagrad lr=0.5 epochs=10 batch=100 l2=0.0 standardized seed=1}. */
    public String describe() {
        if (solver == ProbeSolver.LBFGS) {
            return "lbfgs l2=" + l2 + (standardize ? " standardized" : " unscaled");
        }
        return optimiser.name().toLowerCase(java.util.Locale.ROOT) + " lr=" + learningRate + " epochs=" + epochs
                + " batch=" + minibatchSize + " l2=" + l2 + (standardize ? " standardized" : " unscaled")
                + " seed=" + seed;
    }
}
