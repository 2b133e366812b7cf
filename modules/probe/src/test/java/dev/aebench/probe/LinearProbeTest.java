package dev.aebench.probe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.aebench.probe.LabelledCodesTest.assertOneLineUserError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearProbeTest {
    /** Four overlapping clusters in 12 dimensions: neither trivial nor hopeless for a linear model. */
    private static final GaussianClusters CLUSTERS = new GaussianClusters(4, 12, 0.45, 11);
    private static final LabelledCodes TRAIN = CLUSTERS.sample("training", 800, 1);
    private static final LabelledCodes TEST = CLUSTERS.sample("test", 2000, 2);
    /** Small data needs more passes than the defaults (tuned for 60,000 rows) to converge. */
    private static final ProbeOptions SMALL_DATA = ProbeOptions.sgdDefaults().withEpochs(100);

    @Test
    void accuracyMatchesAnIndependentFullBatchSolver() {
        ReferenceSoftmaxRegression reference = new ReferenceSoftmaxRegression(TRAIN, 4, 1e-4, true, 0.5, 3000);
        assertTrue(reference.finalGradientNorm < 1e-4, "reference converged: " + reference.finalGradientNorm);
        double expected = reference.accuracy(TEST);
        assertTrue(expected > 0.6 && expected < 0.97, "a problem worth probing: " + expected);

        ProbeResult result = new LinearProbe(SMALL_DATA).evaluate(TRAIN, TEST);

        assertEquals(expected, result.accuracy(), 0.01);
        assertEquals(800, result.trainSize());
        assertEquals(2000, result.testSize());
        assertTrue(result.method().contains("Tribuo") && result.method().contains("epochs=100"), result.method());
    }

    @Test
    void defaultsAlsoWorkWithoutStandardisingOnRawScaleCodes() {
        ReferenceSoftmaxRegression reference = new ReferenceSoftmaxRegression(TRAIN, 4, 1e-4, true, 0.5, 3000);
        ProbeResult result = new LinearProbe(SMALL_DATA.withStandardize(false)).evaluate(TRAIN, TEST);
        assertEquals(reference.accuracy(TEST), result.accuracy(), 0.03);
    }

    @Test
    void predictionsAreTheArgmaxOfTheLearnedScoresComputedIndependently() {
        TrainedProbe probe = new LinearProbe(SMALL_DATA).train(TRAIN);
        double[][] w = probe.weights();
        ReferenceSoftmaxRegression standardisation = new ReferenceSoftmaxRegression(TRAIN, 4, 0, true, 0, 0);
        int[] predicted = probe.predict(TEST.codes());
        int correct = 0;
        for (int i = 0; i < TEST.size(); i++) {
            double[] z = standardisation.standardized(TEST.codes(), i);
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < w.length; c++) {
                double score = w[c][12];
                for (int j = 0; j < 12; j++) {
                    score += w[c][j] * z[j];
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            assertEquals(best, predicted[i], "row " + i);
            correct += best == TEST.labels()[i] ? 1 : 0;
        }
        assertEquals((double) correct / TEST.size(), probe.accuracy(TEST), 0.0);
        assertEquals((double) correct / TEST.size(), new LinearProbe(SMALL_DATA).evaluate(TRAIN, TEST).accuracy(), 0.0);
    }

    @Test
    void sameSeedGivesTheSameModelAndAnotherSeedAnother() {
        LinearProbe probe = new LinearProbe(ProbeOptions.sgdDefaults().withEpochs(3));
        double[][] first = probe.train(TRAIN).weights();
        double[][] again = probe.train(TRAIN).weights();
        double[][] otherSeed = new LinearProbe(ProbeOptions.sgdDefaults().withEpochs(3).withSeed(99)).train(TRAIN).weights();
        for (int c = 0; c < first.length; c++) {
            assertArrayEquals(first[c], again[c], 0.0);
        }
        assertFalse(java.util.Arrays.equals(first[0], otherSeed[0]));
    }

    @Test
    void l2PenaltyReachesTheIndependentlyComputedOptimum() {
        double l2 = 0.05;
        ReferenceSoftmaxRegression reference = new ReferenceSoftmaxRegression(TRAIN, 4, l2, true, 0.5, 2000);
        assertTrue(reference.finalGradientNorm < 1e-8, "reference converged: " + reference.finalGradientNorm);
        for (int batch : new int[] {1, 10}) {
            ProbeOptions options = new ProbeOptions(200, ProbeOptions.DEFAULT_LEARNING_RATE, l2, 3, true, batch,
                    ProbeOptions.sgdDefaults().optimiser());
            double[][] w = new LinearProbe(options).train(TRAIN).weights();
            double distance = 0;
            double norm = 0;
            for (int c = 0; c < w.length; c++) {
                for (int j = 0; j < 12; j++) {
                    double diff = w[c][j] - reference.weights[c][j];
                    distance += diff * diff;
                    norm += reference.weights[c][j] * reference.weights[c][j];
                }
            }
            double relative = Math.sqrt(distance / norm);
            assertTrue(relative < 0.02, "batch " + batch + ": weights " + relative + " away from the optimum");
        }
    }

    @Test
    void l2PenaltyWorksOnUnscaledCodesFullOfZeros() {
        float[] x = TRAIN.codes().clone();
        for (int k = 0; k < x.length; k++) {
            x[k] = k % 3 == 0 ? 0f : Math.max(0f, x[k]);
        }
        LabelledCodes sparse = new LabelledCodes("training", x, TRAIN.labels(), 12);
        ProbeOptions options = new ProbeOptions(5, 0.5, 0.01, 1, false, 10, ProbeOptimiser.AVERAGED_ADAGRAD);
        assertTrue(new LinearProbe(options).evaluate(sparse, sparse).accuracy() > 0.4);
    }

    @Test
    void classesMissingFromTrainingGetNoWeights() {
        LabelledCodes gappy = new LabelledCodes("training", new float[] {-2, -1, 1, 2}, new int[] {0, 0, 2, 2}, 1);
        TrainedProbe probe = new LinearProbe(ProbeOptions.sgdDefaults().withEpochs(50)).train(gappy);
        assertEquals(3, probe.classes());
        assertNull(probe.weights()[1]);
        assertArrayEquals(new int[] {0, 2}, probe.predict(new float[] {-3, 3}));
    }

    @Test
    void tribuoTrainingLogsNothingBelowWarning() {
        Logger tribuo = Logger.getLogger("org.tribuo");
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        tribuo.addHandler(handler);
        try {
            new LinearProbe(ProbeOptions.sgdDefaults().withEpochs(1)).evaluate(TRAIN, TEST);
        } finally {
            tribuo.removeHandler(handler);
        }
        assertTrue(records.stream().allMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
                () -> records.size() + " records, first: " + records.get(0).getMessage());
    }

    @Test
    void rejectsBadInputWithOneLine() {
        LinearProbe probe = new LinearProbe(ProbeOptions.sgdDefaults().withEpochs(1));
        float[] x = TRAIN.codes();
        int[] y = TRAIN.labels();
        assertOneLineUserError("training set: 9599 code values for 800 labels",
                () -> probe.evaluate(12, java.util.Arrays.copyOf(x, x.length - 1), y, TEST.codes(), TEST.labels()));
        assertOneLineUserError("test set: empty", () -> probe.evaluate(12, x, y, new float[0], new int[0]));
        assertOneLineUserError("training set: empty", () -> probe.evaluate(12, new float[0], new int[0], x, y));
        int[] outOfRange = TEST.labels().clone();
        outOfRange[5] = 4;
        assertOneLineUserError("test set: label 4 at row 5 is not a training class (0..3)",
                () -> probe.evaluate(12, x, y, TEST.codes(), outOfRange));
        int[] negative = y.clone();
        negative[3] = -2;
        assertOneLineUserError("training set: label -2 at row 3 is negative",
                () -> probe.evaluate(12, x, negative, TEST.codes(), TEST.labels()));
        assertOneLineUserError("test codes have dimension 6 but training codes have 12",
                () -> probe.evaluate(TRAIN, new LabelledCodes("test", TEST.codes(), new int[4000], 6)));
        assertOneLineUserError("only one class (0); a probe needs at least two",
                () -> probe.evaluate(12, x, new int[800], TEST.codes(), new int[2000]));
    }
}
