package dev.aebench.probe;

import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LbfgsProbeTest {
    private static final GaussianClusters CLUSTERS = new GaussianClusters(4, 12, 0.45, 11);
    private static final LabelledCodes TRAIN = CLUSTERS.sample("training", 800, 1);
    private static final LabelledCodes TEST = CLUSTERS.sample("test", 2000, 2);
    /** Run to a tight optimum, for comparisons with independent solvers. */
    private static final LbfgsSettings TIGHT = new LbfgsSettings(500, 1e-7, 0, true, 1e-3);

    /** A small objective (30 rows, 5 codes + intercept padded to 16 columns, 3 classes padded to the GEMM width) on {@code kernels}. */
    private static SoftmaxObjective smallObjective(Kernels kernels, double l2) {
        LabelledCodes codes = new GaussianClusters(3, 5, 1.0, 3).sample("training", 30, 4);
        FeatureStandardizer s = FeatureStandardizer.fit(codes);
        float[] z = s.design(codes.codes(), codes.size());
        int cols = s.designCols();
        return new SoftmaxObjective(kernels, null, z, FeatureStandardizer.transpose(z, codes.size(), cols), codes.labels(),
                cols, 5, 3, LinearProbe.GEMM_WIDTH, l2);
    }

    private static double[] randomPoint(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[size];
        for (int k = 0; k < size; k++) {
            w[k] = (k % LinearProbe.GEMM_WIDTH) < 3 ? 0.5 * r.nextGaussian() : 0.0;
        }
        return w;
    }

    /** f at {@code w}: a fresh objective moved there in one step. */
    private static double valueAt(Kernels kernels, double l2, float[] w) {
        SoftmaxObjective f = smallObjective(kernels, l2);
        double[] v = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            v[k] = w[k];
        }
        f.direction(v);
        return f.along(1.0).value();
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (Kernels kernels = KernelFactory.create(1)) {
            double l2 = 0.05;
            SoftmaxObjective f = smallObjective(kernels, l2);
            double[] w = randomPoint(f.size(), 5);
            float[] x = new float[w.length];
            for (int k = 0; k < w.length; k++) {
                x[k] = (float) w[k];
                w[k] = x[k];
            }
            f.direction(w);
            f.along(1.0);
            f.move(1.0);
            double[] g = f.gradient();
            float[] analytic = new float[g.length];
            for (int k = 0; k < g.length; k++) {
                analytic[k] = (float) g[k];
            }
            int[] real = new int[6 * 3];
            for (int j = 0, i = 0; j < 6; j++) {
                for (int c = 0; c < 3; c++) {
                    real[i++] = j * LinearProbe.GEMM_WIDTH + c;
                }
            }
            FiniteDifferences.check(x, real, analytic, () -> valueAt(kernels, l2, x), null, 1e-2f, 2e-4, 2e-3)
                    .assertPassed("softmax objective gradient (weights and intercepts)");
        }
    }

    @Test
    void lineDerivativesMatchFiniteDifferences() {
        try (Kernels kernels = KernelFactory.create(1)) {
            SoftmaxObjective f = smallObjective(kernels, 0.05);
            f.direction(randomPoint(f.size(), 6));
            double h = 1e-3;
            for (double alpha : new double[] {0.0, 0.3, 1.7}) {
                SoftmaxObjective.Line at = f.along(alpha);
                SoftmaxObjective.Line up = f.along(alpha + h);
                SoftmaxObjective.Line down = f.along(alpha - h);
                assertEquals((up.value() - down.value()) / (2 * h), at.slope(), 1e-3 * Math.max(1, Math.abs(at.slope())),
                        "f' at " + alpha);
                assertEquals((up.slope() - down.slope()) / (2 * h), at.curvature(),
                        1e-3 * Math.max(1, Math.abs(at.curvature())), "f'' at " + alpha);
            }
        }
    }

    @Test
    void optimumHasAZeroGradientComputedIndependently() {
        double l2 = 1e-3;
        ProbeOptions options = ProbeOptions.defaults().withL2(l2);
        TrainedProbe probe = new LinearProbe(options, null, TIGHT).train(TRAIN);
        double[][] w = probe.weights();
        ReferenceSoftmaxRegression standardisation = new ReferenceSoftmaxRegression(TRAIN, 4, 0, true, 0, 0);
        int d = TRAIN.dim();
        double[][] gradient = new double[4][d + 1];
        for (int i = 0; i < TRAIN.size(); i++) {
            double[] z = standardisation.standardized(TRAIN.codes(), i);
            double[] s = new double[4];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 4; c++) {
                s[c] = w[c][d];
                for (int j = 0; j < d; j++) {
                    s[c] += w[c][j] * z[j];
                }
                max = Math.max(max, s[c]);
            }
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                s[c] = Math.exp(s[c] - max);
                sum += s[c];
            }
            for (int c = 0; c < 4; c++) {
                double r = s[c] / sum - (TRAIN.labels()[i] == c ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    gradient[c][j] += r * z[j] / TRAIN.size();
                }
                gradient[c][d] += r / TRAIN.size();
            }
        }
        double largest = 0;
        for (int c = 0; c < 4; c++) {
            for (int j = 0; j <= d; j++) {
                largest = Math.max(largest, Math.abs(gradient[c][j] + (j < d ? l2 * w[c][j] : 0)));
            }
        }
        assertTrue(largest < 1e-4, "largest gradient entry at the optimum, in double: " + largest);
    }

    @Test
    void reachesTheOptimumOfPlainGradientDescent() {
        ReferenceSoftmaxRegression reference = new ReferenceSoftmaxRegression(TRAIN, 4, 1e-3, true, 0.5, 4000);
        assertTrue(reference.finalGradientNorm < 1e-6, "reference converged: " + reference.finalGradientNorm);
        double[][] w = new LinearProbe(ProbeOptions.defaults().withL2(1e-3), null, TIGHT).train(TRAIN).weights();
        for (int c = 0; c < 4; c++) {
            for (int j = 0; j <= TRAIN.dim(); j++) {
                assertEquals(reference.weights[c][j], w[c][j], 2e-3, "weight [" + c + "][" + j + "]");
            }
        }
        assertEquals(reference.accuracy(TEST), new LinearProbe(ProbeOptions.defaults().withL2(1e-3), null, TIGHT)
                .evaluate(TRAIN, TEST).accuracy(), 0.002);
    }

    @Test
    void defaultStoppingComesCloseToTheOptimumAndTheSgdSolver() {
        double tight = new LinearProbe(ProbeOptions.defaults(), null, TIGHT).evaluate(TRAIN, TEST).accuracy();
        ProbeResult lbfgs = LinearProbe.withDefaults().evaluate(TRAIN, TEST);
        ProbeResult sgd = new LinearProbe(ProbeOptions.sgdDefaults().withEpochs(100)).evaluate(TRAIN, TEST);
        assertTrue(tight > 0.6 && tight < 0.97, "a problem worth probing: " + tight);
        assertEquals(tight, lbfgs.accuracy(), 0.005);
        assertEquals(sgd.accuracy(), lbfgs.accuracy(), 0.01);
        assertTrue(lbfgs.method().contains("L-BFGS"), lbfgs.method());
    }

    @Test
    void sameBitsOnOneAndTwoThreads() {
        try (Kernels one = KernelFactory.create(1); Kernels two = KernelFactory.create(2)) {
            LabelledCodes big = CLUSTERS.sample("training", 9000, 7); // several chunks of the score pass
            double[][] a = new LinearProbe(ProbeOptions.defaults(), one).train(big).weights();
            double[][] b = new LinearProbe(ProbeOptions.defaults(), two).train(big).weights();
            for (int c = 0; c < a.length; c++) {
                assertArrayEquals(a[c], b[c], "class " + c);
            }
        }
    }

    @Test
    void nearlyCollinearAndConstantCodesStillFit() {
        // a saturated unit (1 - 1e-7 jitter), its duplicate, a constant column and a real signal
        SplittableRandom r = new SplittableRandom(9);
        int n = 3000;
        float[] x = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            float saturated = 1f - (r.nextInt(3) == 0 ? 1e-7f : 0f);
            x[i * 4] = saturated;
            x[i * 4 + 1] = saturated;
            x[i * 4 + 2] = 0.5f;
            x[i * 4 + 3] = (float) (y[i] + 0.6 * r.nextGaussian());
        }
        LabelledCodes codes = new LabelledCodes("training", x, y, 4);
        double acc = LinearProbe.withDefaults().evaluate(codes, codes).accuracy();
        double reference = new LinearProbe(ProbeOptions.sgdDefaults().withEpochs(20)).evaluate(codes, codes).accuracy();
        assertEquals(reference, acc, 0.02);
    }

    @Test
    void manySaturatedUnitsLikeAStronglyContractiveCodeStillFit() {
        // a strongly contractive encoder's code: most units pinned at 0 or 1 with rare jitter of a
        // few ulps, copies of each other, and a few informative units
        SplittableRandom r = new SplittableRandom(11);
        int n = 4000;
        int dim = 64;
        float[] x = new float[n * dim];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 5;
            for (int j = 0; j < dim; j++) {
                float v;
                if (j < 40) {
                    v = (j % 2 == 0 ? 1f : 0f) + (r.nextInt(50) == 0 ? (j % 2 == 0 ? -1e-7f : 1e-7f) : 0f);
                } else {
                    v = (float) (((y[i] * 7 + j) % 5) * 0.2 + 0.5 * r.nextGaussian());
                }
                x[i * dim + j] = v;
            }
        }
        LabelledCodes codes = new LabelledCodes("training", x, y, dim);
        double acc = LinearProbe.withDefaults().evaluate(codes, codes).accuracy();
        double reference = new LinearProbe(ProbeOptions.sgdDefaults().withEpochs(20)).evaluate(codes, codes).accuracy();
        assertTrue(acc > 0.5, "above chance (0.2): " + acc);
        assertEquals(reference, acc, 0.03);
    }

    @Test
    void choleskyRaisesPivotsOfAnIndefiniteEstimate() {
        double[] a = {1, 1, 1, 1 - 1e-12}; // singular (and indefinite after rounding)
        double[] l = SecondMoment.cholesky(a, 2, 1e-3);
        for (double v : l) {
            assertTrue(Double.isFinite(v));
        }
        assertTrue(l[3] > 0);
    }

    @Test
    void classesMissingFromTrainingGetNoWeights() {
        LabelledCodes gappy = new LabelledCodes("training", new float[] {-2, -1, 1, 2}, new int[] {0, 0, 2, 2}, 1);
        TrainedProbe probe = LinearProbe.withDefaults().train(gappy);
        assertEquals(3, probe.classes());
        assertNull(probe.weights()[1]);
        assertArrayEquals(new int[] {0, 2}, probe.predict(new float[] {-3, 3}));
    }
}
