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
        assertEquals(EnumSet.of(AnalysisName.SATURATION, AnalysisName.JACOBIAN, AnalysisName.KNN),
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
        UserError zero = assertThrows(UserError.class, () -> AnalysisOptions.of("all", 0, null, null, null, null));
        assertEquals("--analysis-points: expected an integer >= 1, found 0", zero.getMessage());
        AnalysisOptions big = AnalysisOptions.of("all", null, 500, null, null, null);
        UserError tooMany = assertThrows(UserError.class, () -> big.checkAgainst(100));
        assertEquals("--spectrum-points: expected at most the test set's 100 images, found 500", tooMany.getMessage());
        UserError robust = assertThrows(UserError.class, () -> AnalysisOptions.of("all", null, null, null, null, 0));
        assertEquals("--robustness-points: expected an integer >= 1, found 0", robust.getMessage());
    }

    @Test
    void unsetSizesAreTheDefaultsClampedToTheTestSet() {
        AnalysisOptions d = AnalysisOptions.defaults();
        d.checkAgainst(100);
        assertEquals(100, d.points(100));
        assertEquals(AnalysisOptions.DEFAULT_POINTS, d.points(10_000));
        assertEquals(AnalysisOptions.DEFAULT_QUERIES, d.queries(10_000));
        assertEquals(AnalysisOptions.DEFAULT_DIRECTIONS, d.directions());
        assertEquals(100, d.robustnessPoints(100));
        assertEquals(AnalysisOptions.DEFAULT_ROBUSTNESS_POINTS, d.robustnessPoints(10_000));
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
