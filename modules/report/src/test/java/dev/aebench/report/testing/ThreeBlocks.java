package dev.aebench.report.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A constructed experiment of three blocks and three seeds with hand-written values: a plain
 * {@code ae}, a {@code dae} (corrupting; the only one with {@code noisy_test_mse}) and a
 * {@code cae} sweeping {@code lambda} over 0.01, 0.1, 1 whose middle value has the lowest mean
 * {@code val_mse} and whose last value has a failed seed. {@code knn_acc} is a metric the report
 * module's catalog does not describe (its direction comes from the {@code _acc} suffix). Every
 * ok trial has an artifact.
 */
public final class ThreeBlocks {
    public static final int SEEDS = 3;
    public static final String FAILED_ERROR = "diverged gradient at epoch 2 (boom)";

    /** One configuration: its values per ok seed (seeds 0..n-1; the rest failed). */
    public record Config(int block, String label, String model, String varying, Map<String, String> params,
                         Map<String, double[]> values) {
        public String describe() {
            return varying.isEmpty() ? label : label + " " + varying;
        }

        public int okSeeds() {
            return values.get("val_mse").length;
        }

        public double[] metric(String m) {
            return values.get(m);
        }
    }

    public static final List<Config> CONFIGS = List.of(
            new Config(0, "ae", "ae", "", params("none"), values(
                    "val_mse", new double[] {0.0232, 0.0229, 0.0235},
                    "test_mse", new double[] {0.0231, 0.0228, 0.0236},
                    "final_train_loss", new double[] {0.0390, 0.0394, 0.0387},
                    "knn_acc", new double[] {0.843, 0.840, 0.846},
                    "sec_per_epoch", new double[] {3.1, 3.4, 2.9},
                    "param_count", new double[] {402448, 402448, 402448})),
            new Config(1, "dae", "dae", "", params("mask:0.3"), values(
                    "val_mse", new double[] {0.0309, 0.0315, 0.0301},
                    "test_mse", new double[] {0.0310, 0.0318, 0.0303},
                    "final_train_loss", new double[] {0.0409, 0.0405, 0.0412},
                    "knn_acc", new double[] {0.845, 0.851, 0.838},
                    "sec_per_epoch", new double[] {3.5, 3.6, 3.2},
                    "param_count", new double[] {402448, 402448, 402448},
                    "noisy_test_mse", new double[] {0.0251, 0.0249, 0.0254})),
            new Config(2, "cae", "cae", "lambda=0.01", params("none", "lambda", "0.01"), values(
                    "val_mse", new double[] {0.0300, 0.0310, 0.0305},
                    "test_mse", new double[] {0.0301, 0.0309, 0.0304},
                    "final_train_loss", new double[] {0.0450, 0.0448, 0.0455},
                    "knn_acc", new double[] {0.80, 0.81, 0.805},
                    "sec_per_epoch", new double[] {2.4, 2.5, 2.6},
                    "param_count", new double[] {402448, 402448, 402448},
                    "test_penalty", new double[] {0.011, 0.012, 0.0115})),
            new Config(2, "cae", "cae", "lambda=0.1", params("none", "lambda", "0.1"), values(
                    "val_mse", new double[] {0.0228, 0.0231, 0.0226},
                    "test_mse", new double[] {0.0229, 0.0233, 0.0227},
                    "final_train_loss", new double[] {0.0470, 0.0466, 0.0474},
                    "knn_acc", new double[] {0.861, 0.858, 0.866},
                    "sec_per_epoch", new double[] {2.45, 2.52, 2.48},
                    "param_count", new double[] {402448, 402448, 402448},
                    "test_penalty", new double[] {0.0056, 0.0058, 0.0054})),
            new Config(2, "cae", "cae", "lambda=1", params("none", "lambda", "1"), values(
                    "val_mse", new double[] {0.052, 0.050},
                    "test_mse", new double[] {0.051, 0.0505},
                    "final_train_loss", new double[] {0.090, 0.091},
                    "knn_acc", new double[] {0.70, 0.71},
                    "sec_per_epoch", new double[] {2.5, 2.55},
                    "param_count", new double[] {402448, 402448},
                    "test_penalty", new double[] {0.0020, 0.0021})));

    private ThreeBlocks() {
    }

    private static Map<String, String> params(String corruption, String... extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hidden", "256");
        p.put("activation", "sigmoid");
        p.put("lr", "0.001");
        p.put("corruption", corruption);
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    private static Map<String, double[]> values(Object... kv) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (double[]) kv[i + 1]);
        }
        return m;
    }

    /** A fixture holding the plan and every record (and artifact) of the experiment, for further damage. */
    public static ResultsFixture fixture() {
        ResultsFixture f = new ResultsFixture(10000);
        for (Config c : CONFIGS) {
            List<String> ids = new ArrayList<>();
            for (int s = 0; s < SEEDS; s++) {
                ids.add(f.plan(c.block(), c.label(), c.model(), c.varying(), c.params(), s));
            }
            for (int s = 0; s < SEEDS; s++) {
                if (s < c.okSeeds()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (Map.Entry<String, double[]> e : c.values().entrySet()) {
                        m.put(e.getKey(), e.getValue()[s]);
                    }
                    double loss = c.metric("final_train_loss")[s];
                    m.put("loss_curve", List.of(loss * 1.5, loss));
                    f.ok(ids.get(s), m);
                    f.artifact(ids.get(s), c.model().equals("dae"));
                } else {
                    f.notOk(ids.get(s), "failed", FAILED_ERROR);
                }
            }
        }
        return f;
    }

    /** Writes the experiment's results folder. */
    public static Path write(Path dir) {
        return fixture().write(dir);
    }
}
