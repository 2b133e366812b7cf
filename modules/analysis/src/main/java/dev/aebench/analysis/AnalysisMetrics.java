package dev.aebench.analysis;

import dev.aebench.core.metric.Better;
import dev.aebench.core.metric.MetricDescription;
import dev.aebench.core.metric.MetricProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names and describes every metric the analyses emit, and which analysis emits each. */
public final class AnalysisMetrics implements MetricProvider {
    /** The corruptions of the robustness analysis, as corruption specs. */
    static final List<String> CORRUPTIONS = List.of("gaussian:0.1", "gaussian:0.3", "gaussian:0.5", "mask:0.25",
            "mask:0.5", "saltpepper:0.1");

    private static final Map<String, AnalysisName> OWNER = new LinkedHashMap<>();
    private static final List<MetricDescription> ALL = new ArrayList<>();

    static {
        add(AnalysisName.SATURATION, "saturation", "fraction", Better.NEITHER,
                "mean fraction of code units saturated per test input (sigmoid h<0.05 or h>0.95, tanh |h|>0.95, ReLU h=0; Rifai's SAT)");
        add(AnalysisName.SATURATION, "never_active", "fraction", Better.LOWER,
                "fraction of code units inactive on every test input (sigmoid h<0.05, tanh |h|<0.05, ReLU h=0)");
        String norm = "Frobenius norm of the encoder's Jacobian dh/dx over a seeded subset of test points: ";
        add(AnalysisName.JACOBIAN, "jacobian_norm_mean", "1", Better.NEITHER, norm + "mean");
        add(AnalysisName.JACOBIAN, "jacobian_norm_sd", "1", Better.NEITHER, norm + "standard deviation");
        for (String q : List.of("q05", "q25", "median", "q75", "q95")) {
            add(AnalysisName.JACOBIAN, "jacobian_norm_" + q, "1", Better.NEITHER, norm + q + " quantile");
        }
        add(AnalysisName.SPECTRUM, "jacobian_spectrum", "1", Better.NEITHER,
                "singular values of the encoder's Jacobian, sorted from the largest, averaged over a seeded subset of test points (list)");
        add(AnalysisName.SPECTRUM, "jacobian_rank_1pct", "count", Better.NEITHER,
                "mean number of Jacobian singular values above 1% of the largest (local dimensionality)");
        add(AnalysisName.SPECTRUM, "jacobian_rank_10pct", "count", Better.NEITHER,
                "mean number of Jacobian singular values above 10% of the largest (local dimensionality)");
        add(AnalysisName.CONTRACTION, "contraction_radii", "1", Better.NEITHER,
                "perturbation radii of the contraction curves, in input units: multiples of the median nearest-neighbour distance between test images (list)");
        add(AnalysisName.CONTRACTION, "contraction_ratio", "1", Better.NEITHER,
                "mean |f(x+d)-f(x)|/|d| for d uniform on the sphere of each radius around test points (list over contraction_radii)");
        add(AnalysisName.CONTRACTION, "contraction_ratio_manifold", "1", Better.NEITHER,
                "mean |f(x+d)-f(x)|/|d| for d of each radius toward x's nearest other test image (list over contraction_radii)");
        add(AnalysisName.CONTRACTION, "contraction_ratio_neighbour", "1", Better.NEITHER,
                "mean |f(x')-f(x)|/|x'-x| with x' the nearest other test image of x");
        for (String c : CORRUPTIONS) {
            add(AnalysisName.ROBUSTNESS, "robust_mse_" + suffix(c), "1", Better.LOWER,
                    "per-pixel MSE of reconstructing the clean test image from its " + c
                            + " corruption (a seeded subset of test images, --robustness-points)");
            add(AnalysisName.ROBUSTNESS, "robust_probe_acc_" + suffix(c), "fraction", Better.HIGHER,
                    "accuracy of the probe (trained on clean codes) on codes of " + c
                            + "-corrupted test images (the same subset)");
        }
        add(AnalysisName.KNN, "knn_acc", "fraction", Better.HIGHER,
                "10-nearest-neighbour classification accuracy in code space (Euclidean; training codes as index, a seeded subset of test codes as queries)");
        add(AnalysisName.HASHING, "hash_precision_at_10", "fraction", Better.HIGHER,
                "semantic hashing: mean fraction of the 10 training images nearest in Hamming distance of the binarised code that share the query's label");
        add(AnalysisName.HASHING, "hash_map", "fraction", Better.HIGHER,
                "semantic hashing: mean average precision of the training set ranked by Hamming distance (ties in training order)");
    }

    private static void add(AnalysisName owner, String name, String unit, Better better, String meaning) {
        OWNER.put(name, owner);
        ALL.add(new MetricDescription(name, unit, better, meaning));
    }

    /** {@code gaussian:0.1} as {@code gaussian_0_1}. */
    static String suffix(String corruption) {
        return corruption.replace(':', '_').replace('.', '_');
    }

    /** The analysis that emits a metric name, or null. */
    static AnalysisName analysisOf(String metric) {
        return OWNER.get(metric);
    }

    @Override
    public List<MetricDescription> metrics() {
        return List.copyOf(ALL);
    }
}
