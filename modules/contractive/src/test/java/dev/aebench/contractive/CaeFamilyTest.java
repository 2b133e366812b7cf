package dev.aebench.contractive;

import dev.aebench.core.testing.TestModels;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code cae} family's knobs, its validation, and the penalty specs that reach the model. */
class CaeFamilyTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final ModelFamily CAE = ModelRegistry.load().get("cae");

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static String penalty(Map<String, String> settings) {
        return ((CaeFamily) CAE).spec(ModelConfig.resolve(CAE, settings)).penalty();
    }

    private static DenseAutoencoder build(Map<String, String> settings) {
        return (DenseAutoencoder) CAE.create(ModelConfig.resolve(CAE, settings),
                new ModelContext(TestModels.SIDE, TestModels.SIDE, 7, KERNELS));
    }

    @Test
    void knobsBecomePenaltySpecs() {
        assertEquals("contractive:0.1", penalty(Map.of()));
        assertEquals("jacobian:0.1", penalty(Map.of("jacobian", "exact")));
        assertEquals("hutchinson:0.5:3", penalty(Map.of("jacobian", "hutchinson", "lambda", "0.5", "probes", "3")));
        assertEquals("none", penalty(Map.of("lambda", "0")));
        assertEquals("contractive:0.1+jacobian:0.2", penalty(Map.of("penalty", "jacobian:0.2")));
        ModelConfig defaults = ModelConfig.resolve(CAE, Map.of());
        assertEquals("256", defaults.get("hidden"));
        assertEquals("sigmoid", defaults.get("activation"));
        assertEquals("mse", defaults.get("loss"));
    }

    @Test
    void closedFormOnADeepOrNonSigmoidEncoderPointsToExact() {
        UserError deep = assertThrows(UserError.class, () -> penalty(Map.of("hidden", "12,6")));
        assertTrue(deep.getMessage().contains("jacobian=exact"), deep.getMessage());
        UserError tanh = assertThrows(UserError.class, () -> penalty(Map.of("activation", "tanh")));
        assertTrue(tanh.getMessage().contains("jacobian=exact"), tanh.getMessage());
        assertEquals("jacobian:0.1", penalty(Map.of("hidden", "12,6", "activation", "relu", "jacobian", "exact")));
    }

    @Test
    void badKnobsAreRejectedBeforeTraining() {
        UserError lambda = assertThrows(UserError.class, () -> ModelConfig.resolve(CAE, Map.of("lambda", "-0.1")));
        assertTrue(lambda.getMessage().contains("lambda"), lambda.getMessage());
        UserError probes = assertThrows(UserError.class, () -> ModelConfig.resolve(CAE, Map.of("probes", "0")));
        assertTrue(probes.getMessage().contains("probes"), probes.getMessage());
        UserError method = assertThrows(UserError.class, () -> ModelConfig.resolve(CAE, Map.of("jacobian", "approx")));
        assertTrue(method.getMessage().contains("closed, exact, hutchinson"), method.getMessage());
    }

    @Test
    void badPenaltySpecsAreUserErrors() {
        String[][] cases = {
                {"contractive:-1", "lambda >= 0"},
                {"contractive:0.1:2", "extra parameters"},
                {"jacobian:0.1:2", "extra parameters"},
                {"hutchinson:0.1:0", "integer in [1, 1024]"},
                {"hutchinson:0.1:1.5", "integer in [1, 1024]"},
                {"hutchinson:0.1:2:3", "hutchinson:lambda:k"},
        };
        for (String[] c : cases) {
            UserError e = assertThrows(UserError.class,
                    () -> TestModels.dense(KERNELS, Activation.SIGMOID, c[0], 1, 8), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        UserError relu = assertThrows(UserError.class,
                () -> TestModels.dense(KERNELS, Activation.RELU, "contractive:0.1", 1, 8));
        assertTrue(relu.getMessage().contains("jacobian:0.1"), relu.getMessage());
    }

    @Test
    void describesItself() {
        assertEquals("hutchinson:0.1:1", TestModels.dense(KERNELS, Activation.SIGMOID, "hutchinson:0.1", 1, 8)
                .penalties().get(0).describe());
        assertEquals("jacobian:0.1", TestModels.dense(KERNELS, Activation.SIGMOID, "jacobian:0.1", 1, 8)
                .penalties().get(0).describe());
        assertEquals("contractive:0.1", TestModels.dense(KERNELS, Activation.SIGMOID, "contractive:0.1", 1, 8)
                .penalties().get(0).describe());
    }

    @Test
    void trainsAndReportsTheTestPenalty() {
        Dataset train = TestModels.images(64, 1);
        Dataset test = TestModels.images(40, 2);
        for (Map<String, String> s : java.util.List.of(
                Map.of("hidden", "8", "batch", "16"),
                Map.of("hidden", "12,6", "jacobian", "exact", "batch", "16", "lambda", "1"),
                Map.of("hidden", "12,6", "activation", "tanh", "jacobian", "hutchinson", "probes", "2", "batch", "16"))) {
            DenseAutoencoder m = build(s);
            FitReport report = m.fit(train, 3, EpochListener.NONE);
            assertTrue(report.epochLoss().stream().allMatch(Double::isFinite), s.toString());
            Map<String, Double> metrics = m.extraMetrics(test);
            Double p = metrics.get("test_penalty");
            assertTrue(p != null && Double.isFinite(p) && p > 0, s + ": " + metrics);
        }
    }

    @Test
    void testPenaltyOfTheExactNormIsTheMeanSquaredJacobian() {
        Dataset test = TestModels.images(30, 3);
        DenseAutoencoder m = build(Map.of("hidden", "12,6", "activation", "tanh", "jacobian", "exact", "lambda", "1"));
        double numeric = JacobianReference.meanSquaredNorm(m, test.x(), test.size(), 1e-2f);
        assertEquals(numeric, m.extraMetrics(test).get("test_penalty"), 1e-3 * numeric);
    }
}
