package dev.aebench.contractive;

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
 * Hand-written gradients of the three Jacobian penalties, checked against central finite
 * differences of the whole objective (reconstruction loss plus penalty) through
 * {@link DenseAutoencoder#forwardBackward}, for every parameter of small models.
 */
class JacobianGradientTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final Dataset DATA = TestModels.images(8, 5);

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static void check(String penalty, Activation act, boolean tied, int... hidden) {
        DenseAutoencoder m = TestModels.dense(KERNELS, act, tied, penalty, 11, hidden);
        TestModels.scaleEncoder(m, 2f);
        FiniteDifferences.Result r = FiniteDifferences.checkDense(m, DATA.x(), DATA.size(), 1234L, 1, 1e-2f, 2e-4, 2e-2);
        assertTrue(r.passed(), penalty + " " + act + " " + java.util.Arrays.toString(hidden) + ": " + r);
        assertTrue(r.checked() > 0.9 * m.arena().size(), "too many kinks skipped: " + r);
    }

    @Test
    void closedFormOnOneSigmoidLayer() {
        check("contractive:2", Activation.SIGMOID, false, 8);
    }

    @Test
    void closedFormWithTiedWeights() {
        check("contractive:2", Activation.SIGMOID, true, 8);
    }

    @Test
    void exactOnOneTanhLayer() {
        check("jacobian:2", Activation.TANH, false, 8);
    }

    @Test
    void exactOnTwoSigmoidLayers() {
        check("jacobian:2", Activation.SIGMOID, false, 12, 8);
    }

    @Test
    void exactOnFourSigmoidLayers() {
        check("jacobian:2", Activation.SIGMOID, false, 16, 12, 8, 6);
    }

    @Test
    void exactOnThreeTanhLayers() {
        check("jacobian:2", Activation.TANH, false, 12, 8, 6);
    }

    @Test
    void exactOnThreeReluLayersAwayFromKinks() {
        check("jacobian:2", Activation.RELU, false, 12, 8, 6);
    }

    @Test
    void exactWithTiedWeights() {
        check("jacobian:2", Activation.TANH, true, 12, 8, 6);
    }

    @Test
    void hutchinsonOnOneSigmoidLayer() {
        check("hutchinson:2", Activation.SIGMOID, false, 8);
    }

    @Test
    void hutchinsonWithThreeProbesOnThreeTanhLayers() {
        check("hutchinson:2:3", Activation.TANH, false, 12, 8, 6);
    }

    @Test
    void hutchinsonOnFourReluLayersAwayFromKinks() {
        check("hutchinson:2:2", Activation.RELU, false, 16, 12, 8, 6);
    }

    @Test
    void exactAndHutchinsonOnEightByEightImagesWhereTheProductsRunThreaded() {
        Dataset images = dev.aebench.core.data.SyntheticImages.generate(32, 8, 3, 6);
        for (String penalty : new String[] {"jacobian:2", "hutchinson:2:2"}) {
            DenseAutoencoder m = TestModels.dense(KERNELS, 8, Activation.TANH, false, penalty, 3, 32, 16, 8);
            FiniteDifferences.Result r = FiniteDifferences.checkDense(m, images.x(), images.size(), 5L, 7, 1e-2f, 2e-4, 2e-2);
            assertTrue(r.passed() && r.checked() > 0.9 * m.arena().size() / 7, penalty + ": " + r);
        }
    }

    @Test
    void exactAndHutchinsonTogether() {
        check("jacobian:1+hutchinson:1:2", Activation.SIGMOID, false, 12, 6);
    }
}
