package dev.aebench.contractive;

import dev.aebench.core.testing.TestModels;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.jacobian.DeepJacobianNorm;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.objective.Penalty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The values of the closed-form and exact penalties against each other and a numerical Jacobian. */
class ExactJacobianTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final Dataset DATA = TestModels.images(10, 9);

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    /** The penalty's value (lambda = 1 gives the batch mean of ||J||^2) after a forward pass on DATA. */
    private static double penaltyValue(DenseAutoencoder m) {
        m.forwardBackward(DATA.x(), DATA.size(), 1L);
        Penalty p = m.penalties().get(0);
        return p.apply(m, false);
    }

    @Test
    void exactEqualsClosedFormOnOneSigmoidLayer() {
        DenseAutoencoder closed = TestModels.dense(KERNELS, Activation.SIGMOID, "contractive:1", 3, 8);
        DenseAutoencoder exact = TestModels.dense(KERNELS, Activation.SIGMOID, "jacobian:1", 3, 8);
        double a = closed.forwardBackward(DATA.x(), DATA.size(), 1L);
        double b = exact.forwardBackward(DATA.x(), DATA.size(), 1L);
        assertEquals(a, b, 1e-12 * Math.abs(a));
        assertArrayEquals(closed.arena().grads(), exact.arena().grads());
    }

    @Test
    void closedFormEqualsNumericalJacobian() {
        DenseAutoencoder m = TestModels.dense(KERNELS, Activation.SIGMOID, "contractive:1", 3, 8);
        TestModels.scaleEncoder(m, 3f);
        double numeric = JacobianReference.meanSquaredNorm(m, DATA.x(), DATA.size(), 1e-2f);
        assertEquals(numeric, penaltyValue(m), 1e-3 * numeric);
    }

    @Test
    void exactEqualsNumericalJacobianOnThreeLayers() {
        for (Activation act : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.RELU}) {
            DenseAutoencoder m = TestModels.dense(KERNELS, act, "jacobian:1", 21, 12, 8, 6);
            TestModels.scaleEncoder(m, 2f);
            double numeric = JacobianReference.meanSquaredNorm(m, DATA.x(), DATA.size(), 1e-2f);
            assertEquals(numeric, penaltyValue(m), 1e-3 * numeric, act.toString());
        }
    }

    @Test
    void exactEqualsNumericalJacobianOnTwoWideLayers() {
        DenseAutoencoder m = TestModels.dense(KERNELS, Activation.TANH, "jacobian:1", 5, 24, 10);
        double numeric = JacobianReference.meanSquaredNorm(m, DATA.x(), DATA.size(), 1e-2f);
        assertEquals(numeric, penaltyValue(m), 1e-3 * numeric);
    }

    @Test
    void exactEqualsNumericalJacobianOnEightByEightImages() {
        Dataset images = dev.aebench.core.data.SyntheticImages.generate(40, 8, 3, 2);
        DenseAutoencoder m = TestModels.dense(KERNELS, 8, Activation.SIGMOID, false, "jacobian:1", 8, 32, 16, 8);
        TestModels.scaleEncoder(m, 2f);
        m.forwardBackward(images.x(), images.size(), 1L);
        double value = m.penalties().get(0).apply(m, false);
        double numeric = JacobianReference.meanSquaredNorm(m, images.x(), images.size(), 1e-2f);
        assertEquals(numeric, value, 1e-3 * numeric);
    }

    @Test
    void lambdaScalesTheValue() {
        DenseAutoencoder one = TestModels.dense(KERNELS, Activation.TANH, "jacobian:1", 5, 12, 8, 6);
        DenseAutoencoder half = TestModels.dense(KERNELS, Activation.TANH, "jacobian:0.5", 5, 12, 8, 6);
        assertEquals(0.5 * penaltyValue(one), penaltyValue(half), 1e-6 * penaltyValue(one));
    }

    @Test
    void chunkedSamplesGiveTheSameValueAndGradients() {
        DenseAutoencoder m = TestModels.dense(KERNELS, Activation.SIGMOID, "none", 17, 12, 8, 6);
        TestModels.scaleEncoder(m, 2f);
        m.forwardBackward(DATA.x(), DATA.size(), 1L);
        DeepJacobianNorm whole = new DeepJacobianNorm(KERNELS, m.layers(), m.maxRows());
        DeepJacobianNorm chunked = new DeepJacobianNorm(KERNELS, m.layers(), m.maxRows(),
                DeepJacobianNorm.floatsPerSample(m.layers()) * 3);
        assertEquals(3, chunked.chunk());
        assertTrue(whole.chunk() >= DATA.size());
        float[][] a = gradientsOf(m, whole);
        float[][] b = gradientsOf(m, chunked);
        assertEquals(a[0][0], b[0][0], 1e-5 * Math.abs(a[0][0]));
        for (int i = 1; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertEquals(a[i][j], b[i][j], 1e-5f * (1 + Math.abs(a[i][j])), "array " + i + " index " + j);
            }
        }
    }

    /** {value}, the arena gradients and each layer's output gradient after one penalty pass from zero. */
    private static float[][] gradientsOf(DenseAutoencoder m, DeepJacobianNorm norm) {
        m.arena().zeroGrads();
        for (DenseLayer l : m.layers()) {
            java.util.Arrays.fill(l.gradOutput(), 0f);
        }
        double v = norm.apply(m.arena(), m.rows(), 0L, 1.0, true);
        float[][] out = new float[2 + m.layers().size()][];
        out[0] = new float[] {(float) v};
        out[1] = m.arena().grads().clone();
        for (int i = 0; i < m.layers().size(); i++) {
            out[2 + i] = m.layers().get(i).gradOutput().clone();
        }
        return out;
    }
}
