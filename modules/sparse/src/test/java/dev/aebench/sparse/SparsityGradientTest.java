package dev.aebench.sparse;

import dev.aebench.core.testing.FiniteDifferences;
import dev.aebench.core.testing.TestModels;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sparsity penalties' gradients, checked against central finite differences of the whole
 * objective through {@link DenseAutoencoder#forwardBackward}, for every parameter.
 */
class SparsityGradientTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final Dataset DATA = TestModels.images(8, 5);

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static void check(String penalty, Activation act, int... hidden) {
        DenseAutoencoder m = TestModels.dense(KERNELS, act, penalty, 11, hidden);
        FiniteDifferences.Result r = FiniteDifferences.checkDense(m, DATA.x(), DATA.size(), 99L, 1, 1e-2f, 2e-4, 2e-2);
        assertTrue(r.passed(), penalty + " " + act + " " + java.util.Arrays.toString(hidden) + ": " + r);
        assertTrue(r.checked() > 0.9 * m.arena().size(), "too many kinks skipped: " + r);
    }

    @Test
    void klOnOneSigmoidLayer() {
        check("kl:3:0.05", Activation.SIGMOID, 8);
    }

    @Test
    void klOnTwoSigmoidLayers() {
        check("kl:3:0.2", Activation.SIGMOID, 12, 8);
    }

    @Test
    void l1OnOneSigmoidLayer() {
        check("l1:0.5", Activation.SIGMOID, 8);
    }

    @Test
    void l1OnReluLayersAwayFromKinks() {
        check("l1:0.5", Activation.RELU, 12, 8);
    }

    @Test
    void klAndL1Together() {
        check("kl:3:0.05+l1:0.2", Activation.SIGMOID, 8);
    }
}
