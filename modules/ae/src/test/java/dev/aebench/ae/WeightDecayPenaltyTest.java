package dev.aebench.ae;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.testing.FiniteDifferences;
import dev.aebench.core.testing.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code l2:w} weight decay: its value from the weights directly, its gradient against finite differences. */
class WeightDecayPenaltyTest {
    private static final Kernels KERNELS = KernelFactory.create(1);
    private static final Dataset DATA = TestModels.images(6, 21);

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static void gradientAgrees(Activation act, boolean tied, int... hidden) {
        DenseAutoencoder m = TestModels.dense(KERNELS, act, tied, "l2:0.05", 5, hidden);
        FiniteDifferences.Result r = FiniteDifferences.checkDense(m, DATA.x(), DATA.size(), 7L, 1, 1e-2f, 2e-4, 2e-2)
                .assertPassed("l2 " + act + (tied ? " tied " : " ") + java.util.Arrays.toString(hidden));
        assertTrue(r.checked() > 0.9 * m.arena().size(), "too many kinks skipped: " + r);
    }

    @Test
    void gradientOfOneSigmoidLayerAgreesWithFiniteDifferences() {
        gradientAgrees(Activation.SIGMOID, false, 6);
    }

    @Test
    void gradientOfTiedWeightsAgreesWithFiniteDifferences() {
        gradientAgrees(Activation.SIGMOID, true, 6);
    }

    @Test
    void gradientOfADeepTanhEncoderAgreesWithFiniteDifferences() {
        gradientAgrees(Activation.TANH, false, 8, 4);
    }

    /** The objective with l2:w minus the one without is w times the squared weights, biases left out. */
    @Test
    void valueIsTheWeightTimesTheSquaredWeights() {
        double w = 0.05;
        DenseAutoencoder plain = TestModels.dense(KERNELS, Activation.SIGMOID, "none", 5, 8, 4);
        DenseAutoencoder decayed = TestModels.dense(KERNELS, Activation.SIGMOID, "l2:" + w, 5, 8, 4);
        float[] p = decayed.arena().params();
        List<Layer> layers = new ArrayList<>(decayed.layers());
        layers.addAll(decayed.decoderLayers());
        double squares = 0;
        for (Layer l : layers) {
            DenseLayer d = (DenseLayer) l;
            for (int i = 0; i < d.inputSize() * d.outputSize(); i++) {
                squares += (double) p[d.weightOffset() + i] * p[d.weightOffset() + i];
            }
        }
        assertTrue(squares > 0);
        double difference = decayed.forwardBackward(DATA.x(), DATA.size(), 3L)
                - plain.forwardBackward(DATA.x(), DATA.size(), 3L);
        assertEquals(w * squares, difference, 1e-9 * Math.max(1, w * squares));
    }

    @Test
    void negativeWeightsAndExtraParametersAreUserErrors() {
        UserError negative = assertThrows(UserError.class,
                () -> TestModels.dense(KERNELS, Activation.SIGMOID, "l2:-1", 5, 4));
        assertTrue(negative.getMessage().contains("penalty l2"), negative.getMessage());
        UserError extra = assertThrows(UserError.class,
                () -> TestModels.dense(KERNELS, Activation.SIGMOID, "l2:1:2", 5, 4));
        assertTrue(extra.getMessage().contains("extra parameters"), extra.getMessage());
    }
}
