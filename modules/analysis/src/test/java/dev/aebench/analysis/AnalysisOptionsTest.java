package dev.aebench.analysis;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Selections by name, the default and all sets, and the one-line errors for bad options. */
class AnalysisOptionsTest {

    @Test
    void defaultIsTheCheapSetAndAllAddsTheRest() {
        assertEquals(EnumSet.of(AnalysisName.SATURATION, AnalysisName.JACOBIAN, AnalysisName.KNN, AnalysisName.HASHING),
                AnalysisOptions.parseSelection("default", "--metrics"));
        assertEquals(EnumSet.allOf(AnalysisName.class), AnalysisOptions.parseSelection("all", "--metrics"));
        assertEquals(EnumSet.noneOf(AnalysisName.class), AnalysisOptions.parseSelection("none", "--metrics"));
        assertEquals(EnumSet.of(AnalysisName.SPECTRUM, AnalysisName.KNN),
                AnalysisOptions.parseSelection("spectrum, knn_acc", "--metrics"));
    }

    @Test
    void badOptionsAreOneLineNamingTheOption() {
        UserError unknown = assertThrows(UserError.class, () -> AnalysisOptions.parseSelection("saturation,jacobain",
                "--metrics"));
        assertEquals("--metrics: expected default, all, none or a comma-separated list of saturation, jacobian, "
                + "spectrum, contraction, robustness, knn, hashing (or their metric names), found 'jacobain'",
                unknown.getMessage());
        UserError zero = assertThrows(UserError.class, () -> new AnalysisOptions(EnumSet.allOf(AnalysisName.class), 0,
                1, 1, 1));
        assertEquals("--analysis-points: expected an integer >= 1, found 0", zero.getMessage());
        AnalysisOptions big = AnalysisOptions.defaults();
        UserError tooMany = assertThrows(UserError.class, () -> big.checkAgainst(100));
        assertEquals("--analysis-points: expected at most the test set's 100 images, found 500", tooMany.getMessage());
    }

    @Test
    void everyMetricIsDescribedOnceAndOwnedByAnAnalysis() {
        var names = new java.util.HashSet<String>();
        for (var d : new AnalysisMetrics().metrics()) {
            assertEquals(true, names.add(d.name()), d.name());
            assertEquals(true, AnalysisMetrics.analysisOf(d.name()) != null);
        }
    }
}
