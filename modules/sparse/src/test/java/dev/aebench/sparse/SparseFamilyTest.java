package dev.aebench.sparse;

import dev.aebench.core.testing.TestModels;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.train.EpochListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code sparse} family's knobs, its validation, and what reaches the model. */
class SparseFamilyTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final ModelFamily SPARSE = ModelRegistry.load().get("sparse");

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static String penalty(Map<String, String> settings) {
        return ((SparseFamily) SPARSE).spec(ModelConfig.resolve(SPARSE, settings)).penalty();
    }

    private static DenseAutoencoder build(Map<String, String> settings) {
        return (DenseAutoencoder) SPARSE.create(ModelConfig.resolve(SPARSE, settings),
                new ModelContext(TestModels.SIDE, TestModels.SIDE, 7, KERNELS));
    }

    @Test
    void knobsBecomePenaltySpecs() {
        assertEquals("kl:3.0:0.05", penalty(Map.of()));
        assertEquals("kl:3.0:0.05+l1:0.1", penalty(Map.of("l1", "0.1")));
        assertEquals("l1:0.1", penalty(Map.of("beta", "0", "l1", "0.1")));
        assertEquals("none", penalty(Map.of("beta", "0")));
        assertEquals("kl:1.0:0.2", penalty(Map.of("beta", "1", "rho", "0.2")));
        ModelConfig defaults = ModelConfig.resolve(SPARSE, Map.of());
        assertEquals("256", defaults.get("hidden"));
        assertEquals("sigmoid", defaults.get("activation"));
    }

    @Test
    void badKnobsAreRejectedBeforeTraining() {
        for (String rho : new String[] {"0", "1"}) {
            UserError e = assertThrows(UserError.class, () -> penalty(Map.of("rho", rho)));
            assertTrue(e.getMessage().startsWith("hyperparameter rho") && e.getMessage().contains("strictly between"),
                    e.getMessage());
        }
        UserError big = assertThrows(UserError.class, () -> ModelConfig.resolve(SPARSE, Map.of("rho", "1.5")));
        assertTrue(big.getMessage().contains("rho"), big.getMessage());
        UserError beta = assertThrows(UserError.class, () -> ModelConfig.resolve(SPARSE, Map.of("beta", "-1")));
        assertTrue(beta.getMessage().contains("beta"), beta.getMessage());
        UserError relu = assertThrows(UserError.class, () -> build(Map.of("hidden", "8", "activation", "relu")));
        assertTrue(relu.getMessage().contains("sigmoid"), relu.getMessage());
        build(Map.of("hidden", "8", "activation", "relu", "beta", "0", "l1", "0.1"));
    }

    @Test
    void trainsAndReportsTheTestPenalty() {
        Dataset train = TestModels.images(64, 1);
        Dataset test = TestModels.images(40, 2);
        DenseAutoencoder m = build(Map.of("hidden", "8", "batch", "16", "l1", "0.01"));
        m.fit(train, 3, EpochListener.NONE);
        Double p = m.extraMetrics(test).get("test_penalty");
        assertTrue(p != null && Double.isFinite(p) && p > 0, String.valueOf(p));
    }
}
