package dev.aebench.probe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class FeatureStandardizerTest {
    // 4 rows x 3 columns: column 0 = 1,2,3,4 (mean 2.5, population sd sqrt(1.25)); column 1 constant 7;
    // column 2 = 0,0,0,8 (mean 2, population sd sqrt(12)).
    private static final float[] CODES = {1, 7, 0, 2, 7, 0, 3, 7, 0, 4, 7, 8};
    private static final LabelledCodes TRAIN = new LabelledCodes("training", CODES, new int[] {0, 1, 0, 1}, 3);

    @Test
    void mapsEachColumnWithTrainingMeanAndPopulationSd() {
        FeatureStandardizer s = FeatureStandardizer.fit(TRAIN);
        double sd0 = Math.sqrt(1.25);
        double sd2 = Math.sqrt(12.0);
        assertArrayEquals(new double[] {(1 - 2.5) / sd0, 0, (0 - 2) / sd2}, s.row(CODES, 0), 1e-12);
        assertArrayEquals(new double[] {(4 - 2.5) / sd0, 0, (8 - 2) / sd2}, s.row(CODES, 3), 1e-12);
    }

    @Test
    void constantColumnIsOnlyCentredAlsoOnNewRows() {
        FeatureStandardizer s = FeatureStandardizer.fit(TRAIN);
        float[] unseen = {2.5f, 9, 2};
        assertArrayEquals(new double[] {0, 2, 0}, s.row(unseen, 0), 1e-12);
    }

    @Test
    void identityLeavesValuesAlone() {
        assertArrayEquals(new double[] {4, 7, 8}, FeatureStandardizer.identity(3).row(CODES, 3), 0.0);
    }
}
