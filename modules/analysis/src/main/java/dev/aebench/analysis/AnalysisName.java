package dev.aebench.analysis;

import java.util.Locale;

/**
 * The analyses a trial can run, by the name {@code --metrics} and an experiment's
 * {@code metrics:} use. The cheap ones form the default set; {@code all} adds the rest.
 */
public enum AnalysisName {
    /** Fraction of saturated code units (Rifai's SAT) and of units never active. */
    SATURATION(true),
    /** The distribution of the encoder's Jacobian Frobenius norm over a subset of test points. */
    JACOBIAN(true),
    /** The Jacobian's singular-value spectrum, averaged over a subset of test points. */
    SPECTRUM(false),
    /** Code change over input change against perturbation radius, random and on-manifold. */
    CONTRACTION(false),
    /** Reconstruction error and probe accuracy on corrupted test inputs. */
    ROBUSTNESS(false),
    /** 10-nearest-neighbour classification in code space. */
    KNN(true),
    /** Semantic hashing: binarised codes ranked by Hamming distance. */
    HASHING(false);

    private final boolean cheap;

    AnalysisName(boolean cheap) {
        this.cheap = cheap;
    }

    /** In the default set. */
    public boolean cheap() {
        return cheap;
    }

    /** The lower-case name users write. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The analysis of a lower-case name, or null. */
    public static AnalysisName parse(String id) {
        for (AnalysisName a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }
}
