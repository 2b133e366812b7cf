package dev.aebench.analysis;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.ScalarKernels;
import dev.aebench.core.metric.Metrics;
import dev.aebench.core.objective.Corruption;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.train.Evaluation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;

/**
 * The one entry point a trial calls: runs the selected analyses on a trained model and returns
 * their metrics and the seconds they took. Every subset is drawn from a stream derived from the
 * trial's seed, so a rerun measures the same points in the same directions.
 */
public final class Analyses {
    private static final int NEIGHBOURS = 10;

    private Analyses() {
    }

    public static AnalysisReport run(AnalysisInputs in, AnalysisOptions options) {
        long start = System.nanoTime();
        Metrics m = new Metrics();
        Map<AnalysisName, Double> each = new EnumMap<>(AnalysisName.class);
        if (options.selected().isEmpty()) {
            return new AnalysisReport(m, 0, each);
        }
        options.checkAgainst(in.test().size());
        Dataset test = in.test();
        int dim = in.model().codeDim();
        DifferentiableEncoder encoder = in.encoder();
        Activation act = encoder == null ? Activation.IDENTITY : encoder.codeActivation();
        float[] testCodes = in.testCodes();
        if (testCodes == null && (options.runs(AnalysisName.SATURATION) || options.runs(AnalysisName.KNN)
                || options.runs(AnalysisName.HASHING))) {
            testCodes = Evaluation.encodeAll(in.model(), test);
        }
        long t = System.nanoTime();
        if (options.runs(AnalysisName.SATURATION)) {
            Saturation.Result s = Saturation.of(testCodes, test.size(), dim, act);
            m.put("saturation", s.saturated());
            m.put("never_active", s.neverActive());
            t = lap(each, AnalysisName.SATURATION, t);
        }
        if (options.runs(AnalysisName.JACOBIAN) || options.runs(AnalysisName.SPECTRUM)) {
            jacobians(in, options, m);
            t = lap(each, options.runs(AnalysisName.SPECTRUM) ? AnalysisName.SPECTRUM : AnalysisName.JACOBIAN, t);
        }
        if (options.runs(AnalysisName.CONTRACTION) || options.runs(AnalysisName.ROBUSTNESS)) {
            // the random directions and corruptions are drawn once per trial, by the scalar
            // reference kernels (the same bits as the vector ones): in a trial that has not drawn
            // Gaussians before, the vector generator is still being compiled and runs an order of
            // magnitude slower (0.8 s against 0.17 s for the contraction's 3 million draws)
            try (Kernels draws = new ScalarKernels(in.kernels().threads())) {
                if (options.runs(AnalysisName.CONTRACTION)) {
                    contraction(in, options, draws, m);
                    t = lap(each, AnalysisName.CONTRACTION, t);
                }
                if (options.runs(AnalysisName.ROBUSTNESS)) {
                    robustness(in, options, draws, m);
                    t = lap(each, AnalysisName.ROBUSTNESS, t);
                }
            }
        }
        if (options.runs(AnalysisName.KNN) || options.runs(AnalysisName.HASHING)) {
            float[] trainCodes = in.trainCodes() != null ? in.trainCodes() : Evaluation.encodeAll(in.model(), in.train());
            int[] rows = SeededSubset.of(test.size(), options.queries(test.size()), CounterRandom.derive(in.seed(), 41_001));
            float[] queries = SeededSubset.gather(testCodes, dim, rows);
            int[] labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                labels[i] = test.labels()[rows[i]];
            }
            t = System.nanoTime();
            if (options.runs(AnalysisName.KNN)) {
                m.put("knn_acc", NearestNeighbours.accuracy(in.kernels(), queries, labels, trainCodes,
                        in.train().labels(), dim, NEIGHBOURS));
                t = lap(each, AnalysisName.KNN, t);
            }
            if (options.runs(AnalysisName.HASHING)) {
                float[] cut = SemanticHashing.thresholds(trainCodes, in.train().size(), dim, act);
                SemanticHashing.Result h = SemanticHashing.evaluate(in.kernels(), SemanticHashing.bits(queries, rows.length,
                        dim, cut), labels, SemanticHashing.bits(trainCodes, in.train().size(), dim, cut),
                        in.train().labels(), dim);
                m.put("hash_precision_at_10", h.precisionAt10());
                m.put("hash_map", h.meanAveragePrecision());
                lap(each, AnalysisName.HASHING, t);
            }
        }
        return new AnalysisReport(m, (System.nanoTime() - start) / 1e9, each);
    }

    /** Records the seconds since {@code t} for {@code a} (the Jacobian norms and spectra share one pass); returns now. */
    private static long lap(Map<AnalysisName, Double> each, AnalysisName a, long t) {
        long now = System.nanoTime();
        each.put(a, (now - t) / 1e9);
        return now;
    }

    private static void jacobians(AnalysisInputs in, AnalysisOptions options, Metrics m) {
        DifferentiableEncoder encoder = in.encoder();
        boolean norms = options.runs(AnalysisName.JACOBIAN);
        boolean spectrum = options.runs(AnalysisName.SPECTRUM);
        if (encoder == null) {
            return; // the model offers no Jacobian: nothing to report
        }
        int size = in.test().size();
        int points = Math.max(norms ? options.points(size) : 0, spectrum ? options.spectrumPoints(size) : 0);
        int[] rows = SeededSubset.of(in.test().size(), points, CounterRandom.derive(in.seed(), 41_000));
        float[] x = SeededSubset.gather(in.test().x(), in.test().dim(), rows);
        int spectrumRows = spectrum ? options.spectrumPoints(size) : 0;
        double[][] spectra = spectrum ? new double[spectrumRows][] : null;
        double[] n = new JacobianStatistics(in.kernels(), encoder).norms(x, points, spectra, spectrumRows);
        if (norms) {
            DescriptiveStatistics d = new DescriptiveStatistics(java.util.Arrays.copyOf(n, options.points(size)));
            m.put("jacobian_norm_mean", d.getMean());
            m.put("jacobian_norm_sd", d.getStandardDeviation());
            m.put("jacobian_norm_q05", d.getPercentile(5));
            m.put("jacobian_norm_q25", d.getPercentile(25));
            m.put("jacobian_norm_median", d.getPercentile(50));
            m.put("jacobian_norm_q75", d.getPercentile(75));
            m.put("jacobian_norm_q95", d.getPercentile(95));
        }
        if (spectrum) {
            int width = spectra[0].length;
            double[] mean = new double[width];
            double above1 = 0;
            double above10 = 0;
            for (double[] s : spectra) {
                for (int i = 0; i < width; i++) {
                    mean[i] += s[i] / spectrumRows;
                }
                above1 += JacobianStatistics.countAbove(s, 0.01);
                above10 += JacobianStatistics.countAbove(s, 0.10);
            }
            m.putList("jacobian_spectrum", list(mean));
            m.put("jacobian_rank_1pct", above1 / spectrumRows);
            m.put("jacobian_rank_10pct", above10 / spectrumRows);
        }
    }

    private static void contraction(AnalysisInputs in, AnalysisOptions options, Kernels draws, Metrics m) {
        Dataset test = in.test();
        int d = test.dim();
        int[] rows = SeededSubset.of(test.size(), options.points(test.size()), CounterRandom.derive(in.seed(), 41_002));
        float[] points = SeededSubset.gather(test.x(), d, rows);
        int[][] nn = NearestNeighbours.search(in.kernels(), points, rows.length, test.x(), test.size(), d, 1, rows);
        int[] nearest = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            nearest[i] = nn[i][0];
        }
        float[] neighbours = SeededSubset.gather(test.x(), d, nearest);
        ContractionCurve.Result c = ContractionCurve.measure(in.model(), draws, points, neighbours, rows.length,
                options.directions(), CounterRandom.derive(in.seed(), 41_003));
        m.putList("contraction_radii", list(c.radii()));
        m.putList("contraction_ratio", list(c.random()));
        m.putList("contraction_ratio_manifold", list(c.manifold()));
        m.put("contraction_ratio_neighbour", c.neighbourRatio());
    }

    /** On a seeded subset of the test set (all of it when smaller), the same rows for every corruption. */
    private static void robustness(AnalysisInputs in, AnalysisOptions options, Kernels draws, Metrics m) {
        ObjectiveRegistry registry = ObjectiveRegistry.load();
        Dataset test = in.test();
        int[] rows = SeededSubset.of(test.size(), options.robustnessPoints(test.size()),
                CounterRandom.derive(in.seed(), 41_004));
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = test.labels()[rows[i]];
        }
        Dataset subset = new Dataset(test.name() + "[" + rows.length + " rows]", SeededSubset.gather(test.x(),
                test.dim(), rows), labels, rows.length, test.height(), test.width(), test.fingerprint());
        List<String> corruptions = AnalysisMetrics.CORRUPTIONS;
        for (int i = 0; i < corruptions.size(); i++) {
            Corruption c = registry.corruption(corruptions.get(i));
            Robustness.Result r = Robustness.measure(in.model(), subset, c, in.probe(), draws,
                    Robustness.seed(in.seed(), i));
            String suffix = AnalysisMetrics.suffix(corruptions.get(i));
            m.put("robust_mse_" + suffix, r.mse());
            m.put("robust_probe_acc_" + suffix, r.accuracy());
        }
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }
}
