package dev.aebench.denoising;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.train.EpochListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code dae} family: knobs to corruption specs, validation, and clean reconstruction targets. */
class DaeFamilyTest {
    private static final int SIDE = 8;
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final ModelFamily DAE = ModelRegistry.load().get("dae");
    private static final Dataset DATA = SyntheticImages.generate(16, SIDE, 3, 4);

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static String corruption(Map<String, String> settings) {
        return ((DaeFamily) DAE).spec(ModelConfig.resolve(DAE, settings)).corruption();
    }

    private static DenseAutoencoder build(Map<String, String> settings) {
        return (DenseAutoencoder) DAE.create(ModelConfig.resolve(DAE, settings), new ModelContext(SIDE, SIDE, 3, KERNELS));
    }

    @Test
    void knobsBecomeCorruptionSpecs() {
        assertEquals("gaussian:0.5", corruption(Map.of()));
        assertEquals("gaussian:0.2", corruption(Map.of("sigma", "0.2")));
        assertEquals("mask:0.3", corruption(Map.of("noise", "mask")));
        assertEquals("saltpepper:0.2", corruption(Map.of("noise", "saltpepper", "nu", "0.2")));
        assertEquals("additive:0.05", corruption(Map.of("noise", "additive", "sigma", "0.05")));
        ModelConfig defaults = ModelConfig.resolve(DAE, Map.of());
        assertEquals("256", defaults.get("hidden"));
        assertEquals("sigmoid", defaults.get("activation"));
        assertEquals("sigmoid", defaults.get("output"));
        assertEquals("mse", defaults.get("loss"));
    }

    @Test
    void badKnobsAreRejectedBeforeTraining() {
        UserError sigma = assertThrows(UserError.class, () -> ModelConfig.resolve(DAE, Map.of("sigma", "-1")));
        assertTrue(sigma.getMessage().contains("sigma"), sigma.getMessage());
        UserError nu = assertThrows(UserError.class, () -> ModelConfig.resolve(DAE, Map.of("nu", "1.5")));
        assertTrue(nu.getMessage().contains("nu"), nu.getMessage());
        UserError noise = assertThrows(UserError.class, () -> ModelConfig.resolve(DAE, Map.of("noise", "blur")));
        assertTrue(noise.getMessage().contains("gaussian, mask, saltpepper"), noise.getMessage());
        UserError twice = assertThrows(UserError.class, () -> corruption(Map.of("corruption", "mask:0.1")));
        assertTrue(twice.getMessage().contains("already corrupts"), twice.getMessage());
    }

    @Test
    void theLossIsAgainstTheCleanBatch() {
        for (String noise : new String[] {"gaussian", "mask", "saltpepper", "additive"}) {
            DenseAutoencoder m = build(Map.of("hidden", "12", "noise", noise));
            long seed = 77;
            float[] noisy = new float[DATA.x().length];
            ObjectiveRegistry.load().corruption(m.spec().corruption()).apply(KERNELS, DATA.x(), noisy, noisy.length, seed);
            double againstClean = reconstructionMse(m, noisy, DATA.x());
            double againstNoisy = reconstructionMse(m, noisy, noisy);
            double loss = m.forwardBackward(DATA.x(), DATA.size(), seed);
            assertEquals(againstClean, loss, 1e-6 * loss, noise);
            assertNotEquals(againstNoisy, loss, 1e-6 * loss, noise);
        }
    }

    @Test
    void fullMaskingMeansTheEncoderSeesZeros() {
        DenseAutoencoder m = build(Map.of("hidden", "12", "noise", "mask", "nu", "1"));
        double loss = m.forwardBackward(DATA.x(), DATA.size(), 5);
        assertEquals(reconstructionMse(m, new float[DATA.x().length], DATA.x()), loss, 1e-6 * loss);
    }

    @Test
    void trainsAndReportsTheNoisyTestError() {
        DenseAutoencoder m = build(Map.of("hidden", "12", "batch", "8", "noise", "mask"));
        m.fit(DATA, 2, EpochListener.NONE);
        Double noisy = m.extraMetrics(SyntheticImages.generate(20, SIDE, 3, 9)).get("noisy_test_mse");
        assertTrue(noisy != null && Double.isFinite(noisy) && noisy > 0, String.valueOf(noisy));
    }

    /** Mean squared error of decode(encode(input)) against target, over every pixel. */
    private static double reconstructionMse(DenseAutoencoder m, float[] input, float[] target) {
        int rows = DATA.size();
        float[] codes = new float[rows * m.codeDim()];
        float[] out = new float[input.length];
        m.encode(input, rows, codes);
        m.decode(codes, rows, out);
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            double d = out[i] - target[i];
            s += d * d;
        }
        return s / out.length;
    }
}
