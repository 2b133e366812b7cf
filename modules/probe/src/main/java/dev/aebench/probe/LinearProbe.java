package dev.aebench.probe;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.Kernels;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * Linear probe: multinomial logistic regression (softmax over one affine score per class,
 * trained on mean cross-entropy + {@code l2/2 |W|^2}) from codes to class labels, scored by test
 * accuracy. Fitted by full-batch L-BFGS on the kernels' GEMM ({@link ProbeSolver#LBFGS}, the
 * default) or by Tribuo's {@link LinearSGDTrainer} with {@link LogMulticlass}
 * ({@link ProbeSolver#SGD}). Codes are standardised with the training set's mean and sd unless
 * {@link ProbeOptions#standardize()} is off. The same options and seed give the same result,
 * whatever the kernels' thread count.
 */
public final class LinearProbe {
    private final ProbeOptions options;
    private final Kernels kernels;
    private final LbfgsSettings lbfgs;
    /** The weight matrix's columns are padded with zeros to a multiple of this (see SoftmaxObjective). */
    static final int GEMM_WIDTH = 16;

    /** A probe whose L-BFGS solver runs on single-threaded kernels of its own. */
    public LinearProbe(ProbeOptions options) {
        this(options, null);
    }

    /** A probe whose L-BFGS solver runs on {@code kernels} (which must stay open while it is used). */
    public LinearProbe(ProbeOptions options, Kernels kernels) {
        this(options, kernels, LbfgsSettings.DEFAULTS);
    }

    LinearProbe(ProbeOptions options, Kernels kernels, LbfgsSettings lbfgs) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        this.kernels = kernels;
        this.lbfgs = lbfgs;
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
        long t0 = System.nanoTime();
        FeatureStandardizer standardizer = options.standardize()
                ? FeatureStandardizer.fit(train)
                : FeatureStandardizer.identity(train.dim());
        if (options.solver() == ProbeSolver.LBFGS) {
            return trainLbfgs(train, standardizer, t0);
        }
        TribuoLogging.quiet();
        TribuoExamples examples = new TribuoExamples(standardizer, train.classes());
        MutableDataset<Label> dataset = examples.dataset(train);
        LinearSGDModel model = trainer().train(dataset);
        return new TrainedProbe(model, examples, train.dim(), train.classes());
    }

    private TrainedProbe trainLbfgs(LabelledCodes train, FeatureStandardizer standardizer, long t0) {
        long t1 = System.nanoTime();
        Kernels k = kernels != null ? kernels : SharedKernels.SINGLE;
        int classes = train.classes();
        int[] compact = new int[classes];
        java.util.Arrays.fill(compact, -1);
        int fittedCount = 0;
        for (int label : train.labels()) {
            if (compact[label] < 0) {
                compact[label] = 0;
            }
        }
        int[] fitted = new int[train.distinctLabels()];
        for (int c = 0; c < classes; c++) {
            if (compact[c] == 0) {
                fitted[fittedCount] = c;
                compact[c] = fittedCount++;
            }
        }
        int[] y = new int[train.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = compact[train.labels()[i]];
        }
        int cols = standardizer.designCols();
        float[] z = standardizer.design(train.codes(), train.size());
        float[] zt = FeatureStandardizer.transpose(z, train.size(), cols);
        int width = (fittedCount + GEMM_WIDTH - 1) / GEMM_WIDTH * GEMM_WIDTH;
        long t2 = System.nanoTime();
        SecondMoment m = lbfgs.precondition()
                ? SecondMoment.of(k, z, train.size(), cols, width, lbfgs.ridge())
                : SecondMoment.identity(cols, width);
        long t3 = System.nanoTime();
        java.util.concurrent.ForkJoinPool pool = k.threads() > 1 ? new java.util.concurrent.ForkJoinPool(k.threads()) : null;
        SoftmaxObjective objective = new SoftmaxObjective(k, pool, z, zt, y, cols, train.dim(), fittedCount, width, options.l2());
        LbfgsProbeFit.Outcome outcome;
        try {
            outcome = LbfgsProbeFit.minimise(objective, m, lbfgs.maxIterations(), lbfgs.gradientTolerance(),
                    lbfgs.relativeDecrease());
            if (outcome.iterations() == 0 && !outcome.stop().equals("gradient")) {
                // the preconditioner gave no descent direction (codes so collinear that even the
                // floored factor is unusable): fit again unpreconditioned, from W = 0
                objective = new SoftmaxObjective(k, pool, z, zt, y, cols, train.dim(), fittedCount, width, options.l2());
                outcome = LbfgsProbeFit.minimise(objective, SecondMoment.identity(cols, width), lbfgs.maxIterations(),
                        lbfgs.gradientTolerance(), lbfgs.relativeDecrease());
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        lastOutcome = outcome;
        long t4 = System.nanoTime();
        lastProfile = String.format(java.util.Locale.ROOT,
                "fit-sd %.3f design %.3f gram %.3f lbfgs %.3f s; line %d x %.2f ms, direction %d x %.2f ms, gradient %d x %.2f ms",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9,
                objective.calls[0], objective.nanos[0] / 1e6 / objective.calls[0],
                objective.calls[1], objective.nanos[1] / 1e6 / Math.max(1, objective.calls[1]),
                objective.calls[2], objective.nanos[2] / 1e6 / objective.calls[2]);
        if (Boolean.getBoolean(PROFILE_PROPERTY)) {
            System.out.println("probe profile: " + lastProfile + "; " + outcome.iterations() + " steps, stop: " + outcome.stop());
        }
        return new TrainedProbe(new LinearScores(standardizer, k, outcome.weights(), width, fitted), train.dim(), classes);
    }

    /** How the last L-BFGS fit of this probe ended (for measurements and tests); null before one. */
    LbfgsProbeFit.Outcome lastOutcome;
    /** System property: when true, each L-BFGS fit prints where its time went (a line on standard output). */
    public static final String PROFILE_PROPERTY = "aebench.probe.profile";
    /** Where the last L-BFGS fit's time went (for measurements); null before one. */
    String lastProfile;

    /** One line naming the model, the library and the settings. */
    public String method() {
        if (options.solver() == ProbeSolver.LBFGS) {
            return "multinomial logistic regression (full-batch L-BFGS on float GEMM, " + options.describe() + ")";
        }
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
