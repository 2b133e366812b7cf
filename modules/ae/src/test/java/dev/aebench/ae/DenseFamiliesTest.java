package dev.aebench.ae;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.TiedDenseLayer;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four families of this module build the architecture they describe from their defaults
 * (layer sizes, activations, tied weights, parameter count on 8 x 8 images) and train a step.
 */
class DenseFamiliesTest {
    private static final int SIDE = 8;
    private static final int D = SIDE * SIDE;
    private static final Kernels KERNELS = KernelFactory.create(1);
    private static final ModelRegistry REGISTRY = ModelRegistry.load();
    private static final Dataset DATA = SyntheticImages.generate(24, SIDE, 3, 2);

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static DenseAutoencoder build(String name) {
        ModelFamily family = REGISTRY.get(name);
        return (DenseAutoencoder) family.create(ModelConfig.resolve(family, Map.of()),
                new ModelContext(SIDE, SIDE, 1, KERNELS));
    }

    /** Builds the family's model, checks its shape, trains one step (one epoch of one batch) and checks it learned. */
    private static DenseAutoencoder trainsOneStep(String name, long parameters, int code, Activation hidden) {
        DenseAutoencoder m = build(name);
        assertEquals(parameters, m.parameterCount(), name + " parameters");
        assertEquals(code, m.codeDim(), name + " code");
        for (DenseLayer l : m.layers()) {
            assertEquals(hidden, l.activation(), name + " encoder activation");
        }
        float[] before = m.arena().params().clone();
        float[] reconstruction = new float[DATA.size() * D];
        float[] codes = new float[DATA.size() * code];
        m.encode(DATA.x(), DATA.size(), codes);
        m.decode(codes, DATA.size(), reconstruction);
        double errorBefore = meanSquaredError(DATA.x(), reconstruction);
        FitReport report = m.fit(DATA, 1, EpochListener.NONE);
        assertEquals(1, report.steps(), name + ": 24 images in batches of 128 make one step");
        assertTrue(Double.isFinite(report.finalLoss()) && report.finalLoss() > 0, name + " loss " + report.finalLoss());
        assertEquals(errorBefore, report.finalLoss(), 1e-6, name + ": the step's loss is the untrained MSE");
        assertFalse(java.util.Arrays.equals(before, m.arena().params()), name + ": the step changed no parameter");
        return m;
    }

    private static double meanSquaredError(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return s / x.length;
    }

    @Test
    void ae() {
        DenseAutoencoder m = trainsOneStep("ae", D * 256 + 256 + 256 * D + D, 256, Activation.SIGMOID);
        assertInstanceOf(DenseLayer.class, m.decoderLayers().get(0));
    }

    @Test
    void deep() {
        long params = (D * 512 + 512) + (512 * 128 + 128) + (128 * 32 + 32)
                + (32 * 128 + 128) + (128 * 512 + 512) + (512 * D + D);
        DenseAutoencoder m = trainsOneStep("deep", params, 32, Activation.RELU);
        assertEquals(3, m.layers().size());
        assertEquals(3, m.decoderLayers().size());
    }

    @Test
    void linear() {
        trainsOneStep("linear", D * 32 + 32 + 32 * D + D, 32, Activation.IDENTITY);
    }

    @Test
    void tied() {
        DenseAutoencoder m = trainsOneStep("tied", D * 256 + 256 + D, 256, Activation.SIGMOID);
        TiedDenseLayer decoder = assertInstanceOf(TiedDenseLayer.class, m.decoderLayers().get(0));
        assertEquals(m.layers().get(0).weightOffset(), decoder.weightOffset(), "the decoder borrows the encoder's weights");
    }
}
