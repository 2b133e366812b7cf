package dev.aebench.psd;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.metric.MetricCatalog;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The family is found by name, rejects bad settings in one line, trains (the energy falls, the
 * atoms stay unit-norm, the thresholds non-negative), and its metrics agree with independent
 * computations on small data.
 */
class PsdFamilyTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final int SIDE = 8;

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static PsdAutoencoder model(Map<String, String> settings) {
        PsdFamily f = new PsdFamily();
        return (PsdAutoencoder) f.create(ModelConfig.resolve(f, settings), new ModelContext(SIDE, SIDE, 1, KERNELS));
    }

    @Test
    void isRegisteredWithItsMetrics() {
        assertTrue(ModelRegistry.load().get("psd") instanceof PsdFamily);
        MetricCatalog catalog = MetricCatalog.load();
        for (String name : List.of("code_sparsity", "inferred_code_sparsity", "inferred_test_mse")) {
            assertTrue(catalog.find(name).isPresent(), name);
        }
    }

    @Test
    void negativeLambdaIsAOneLineUserError() {
        UserError e = assertThrows(UserError.class, () -> ModelConfig.resolve(new PsdFamily(), Map.of("lambda", "-1")));
        assertEquals("hyperparameter lambda of model psd: expected a number in [0, 1000000], found -1", e.getMessage());
        UserError steps = assertThrows(UserError.class,
                () -> ModelConfig.resolve(new PsdFamily(), Map.of("fista_steps", "0")));
        assertTrue(steps.getMessage().startsWith("hyperparameter fista_steps of model psd: expected an integer in [1, 1000]"),
                steps.getMessage());
        assertThrows(UserError.class, () -> new PsdSpec(8, -0.1, 1, 3, 1e-3f, 16));
    }

    @Test
    void trainsReducesTheEnergyAndKeepsItsConstraints() {
        Dataset train = SyntheticImages.generate(256, SIDE, 4, 2);
        PsdAutoencoder m = model(Map.of("hidden", "32", "lambda", "0.1", "batch", "32", "lr", "3e-3"));
        FitReport r = m.fit(train, 12, EpochListener.NONE);
        List<Double> losses = r.epochLoss();
        assertTrue(losses.get(losses.size() - 1) < 0.7 * losses.get(0), "energy per epoch: " + losses);
        float[] p = m.arena().params();
        int d = SIDE * SIDE;
        for (int a = 0; a < 32; a++) {
            double s = 0;
            for (int i = 0; i < d; i++) {
                s += (double) p[m.dictionaryOffset() + a * d + i] * p[m.dictionaryOffset() + a * d + i];
            }
            assertEquals(1.0, s, 1e-4, "atom " + a);
        }
        for (int j = 0; j < 32; j++) {
            assertTrue(p[m.encoder().thetaOffset() + j] >= 0f, "threshold " + j);
        }
    }

    @Test
    void metricsMatchIndependentComputations() {
        Dataset train = SyntheticImages.generate(300, SIDE, 4, 3);
        Dataset test = SyntheticImages.generate(300, SIDE, 4, 4);
        PsdAutoencoder m = model(Map.of("hidden", "24", "lambda", "0.3", "batch", "50"));
        m.fit(train, 4, EpochListener.NONE);
        Map<String, Double> metrics = m.extraMetrics(test);
        int k = 24;
        int d = SIDE * SIDE;
        int n = test.size();
        float[] codes = new float[n * k];
        m.encode(test.x(), n, codes);
        long zeros = 0;
        for (float c : codes) {
            zeros += Math.abs(c) < 1e-3 ? 1 : 0;
        }
        assertEquals((double) zeros / codes.length, metrics.get("code_sparsity"), 1e-12);
        assertTrue(metrics.get("code_sparsity") > 0 && metrics.get("code_sparsity") < 1, metrics.toString());
        // the test metrics infer in chunks of at most maxRows (256) rows; the same chunks here
        long inferredZeros = 0;
        double squares = 0;
        float[] p = m.arena().params();
        for (int s = 0; s < n; s += 256) {
            int rows = Math.min(256, n - s);
            float[] chunk = java.util.Arrays.copyOfRange(test.x(), s * d, (s + rows) * d);
            float[] h = m.inferCodes(chunk, rows);
            for (int r = 0; r < rows; r++) {
                for (int a = 0; a < k; a++) {
                    inferredZeros += Math.abs(h[r * k + a]) < 1e-3 ? 1 : 0;
                }
                for (int i = 0; i < d; i++) {
                    double v = chunk[r * d + i];
                    for (int a = 0; a < k; a++) {
                        v -= (double) h[r * k + a] * p[m.dictionaryOffset() + a * d + i];
                    }
                    squares += v * v;
                }
            }
        }
        assertEquals((double) inferredZeros / codes.length, metrics.get("inferred_code_sparsity"), 1e-12);
        assertEquals(squares / ((double) n * d), metrics.get("inferred_test_mse"), 1e-4 * metrics.get("inferred_test_mse"));
    }
}
