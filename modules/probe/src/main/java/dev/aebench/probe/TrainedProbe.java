package dev.aebench.probe;

import dev.aebench.core.error.UserError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A fitted probe: a linear model together with the standardisation it was trained under, either
 * Tribuo's (the {@code sgd} solver) or a weight matrix whose scores are one GEMM
 * ({@link LinearScores}, the {@code lbfgs} solver). Predicts class indices for raw
 * (unstandardised) codes.
 */
public final class TrainedProbe {
    private final LinearSGDModel model;
    private final TribuoExamples examples;
    private final LinearScores scores;
    private final int dim;
    private final int classes;

    TrainedProbe(LinearSGDModel model, TribuoExamples examples, int dim, int classes) {
        this.model = model;
        this.examples = examples;
        this.scores = null;
        this.dim = dim;
        this.classes = classes;
    }

    TrainedProbe(LinearScores scores, int dim, int classes) {
        this.model = null;
        this.examples = null;
        this.scores = scores;
        this.dim = dim;
        this.classes = classes;
    }

    public int dim() {
        return dim;
    }

    /** Largest training label + 1; predictions lie in [0, classes). */
    public int classes() {
        return classes;
    }

    /** Predicted class of each row of {@code codes} (row-major, {@link #dim()} columns). */
    public int[] predict(float[] codes) {
        if (codes.length % dim != 0) {
            throw new UserError("probe: " + codes.length + " code values are not rows of dimension " + dim);
        }
        int rows = codes.length / dim;
        if (scores != null) {
            return scores.predict(codes, rows);
        }
        int[] predicted = new int[rows];
        for (int i = 0; i < rows; i++) {
            Label label = model.predict(examples.example(codes, i, LabelFactory.UNKNOWN_LABEL)).getOutput();
            predicted[i] = Integer.parseInt(label.getLabel());
        }
        return predicted;
    }

    /** Fraction of rows of {@code test} whose predicted class is their label. */
    public double accuracy(LabelledCodes test) {
        if (test.dim() != dim) {
            throw new UserError(test.role() + " set: codes have dimension " + test.dim() + " but the probe was trained on "
                    + dim);
        }
        int[] predicted = predict(test.codes());
        int[] truth = test.labels();
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }

    /**
     * The learned scores in standardised code space: {@code [classes][dim + 1]}, row c holding the
     * weights of class c in column order and its intercept last; a class absent from the
     * training set has a null row. The score of a standardised code z for class c is
     * {@code w[c] . z + w[c][dim]}.
     */
    public double[][] weights() {
        if (scores != null) {
            return scores.weights(classes);
        }
        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        double[][] out = new double[classes][];
        for (int c = 0; c < classes; c++) {
            int row = outputs.getID(examples.label(c));
            if (row < 0) {
                continue;
            }
            out[c] = new double[dim + 1];
            for (int j = 0; j < dim; j++) {
                int column = features.getID(examples.featureName(j));
                out[c][j] = column < 0 ? 0.0 : w.get(row, column);
            }
            out[c][dim] = w.get(row, features.size());
        }
        return out;
    }

    /** The underlying Tribuo model (for inspection; its inputs are standardised codes); null for lbfgs. */
    public Model<Label> tribuoModel() {
        return model;
    }
}
