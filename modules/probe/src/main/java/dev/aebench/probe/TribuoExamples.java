package dev.aebench.probe;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Turns (standardised) codes into Tribuo examples: one {@link ArrayExample} per row, every row
 * naming its features with the same shared strings {@code c000, c001, ...} (zero-padded so that
 * name order is column order) and its class as the label {@code "0", "1", ...}.
 */
final class TribuoExamples {
    private final String[] featureNames;
    private final Label[] labels;
    private final FeatureStandardizer standardizer;

    TribuoExamples(FeatureStandardizer standardizer, int classes) {
        this.standardizer = standardizer;
        this.featureNames = featureNames(standardizer.dim());
        this.labels = new Label[classes];
        for (int c = 0; c < classes; c++) {
            labels[c] = new Label(Integer.toString(c));
        }
    }

    static String[] featureNames(int dim) {
        int digits = Integer.toString(dim - 1).length();
        String[] names = new String[dim];
        for (int j = 0; j < dim; j++) {
            names[j] = "c" + "0".repeat(digits - Integer.toString(j).length()) + j;
        }
        return names;
    }

    String featureName(int column) {
        return featureNames[column];
    }

    Label label(int labelIndex) {
        return labels[labelIndex];
    }

    /** Row {@code row} as an example labelled with {@code label} (any label for prediction). */
    Example<Label> example(float[] codes, int row, Label label) {
        return new ArrayExample<>(label, featureNames, standardizer.row(codes, row));
    }

    /** The training set as a Tribuo dataset. */
    MutableDataset<Label> dataset(LabelledCodes codes) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("aebench " + codes.role() + " codes", factory), factory);
        int[] y = codes.labels();
        for (int i = 0; i < y.length; i++) {
            dataset.add(example(codes.codes(), i, labels[y[i]]));
        }
        return dataset;
    }
}
