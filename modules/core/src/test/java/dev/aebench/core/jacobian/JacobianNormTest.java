package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.ParameterArena;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The penalties' exact norms against the analyses' Jacobians: {@link JacobianNorm#exact} (one
 * layer: the diagonal form; deeper: Gram products, ReLU rows skipped) equals the batch mean of
 * the squared entries of {@link DenseJacobian}'s Jacobians, itself checked against finite
 * differences in {@link JacobianTest}.
 */
class JacobianNormTest {
    private static final int ROWS = 7;

    @Test
    void exactNormsAreTheMeanSquaredJacobians() {
        check(new int[] {12, 5}, Activation.SIGMOID, Activation.SIGMOID);
        check(new int[] {12, 5}, Activation.TANH, Activation.TANH);
        check(new int[] {10, 8, 6, 4}, Activation.SIGMOID, Activation.SIGMOID);
        check(new int[] {10, 9, 7, 5}, Activation.RELU, Activation.RELU);
        check(new int[] {10, 8, 4}, Activation.TANH, Activation.IDENTITY);
    }

    @Test
    void lambdaScalesTheNorm() {
        try (Kernels ks = new VectorKernels(1)) {
            ParameterArena arena = new ParameterArena();
            List<DenseLayer> layers = JacobianTest.dense(ks, arena, new int[] {9, 6, 4}, Activation.TANH,
                    Activation.SIGMOID, ROWS);
            forward(layers, JacobianTest.random(ROWS * 9, 2, 1f));
            JacobianNorm norm = JacobianNorm.exact(ks, layers, ROWS);
            double one = norm.apply(arena, ROWS, 0L, 1.0, false);
            assertEquals(0.25 * one, norm.apply(arena, ROWS, 0L, 0.25, false), 1e-12 * one);
        }
    }

    private static void check(int[] sizes, Activation hidden, Activation codeAct) {
        try (Kernels ks = new VectorKernels(2)) {
            ParameterArena arena = new ParameterArena();
            List<DenseLayer> layers = JacobianTest.dense(ks, arena, sizes, hidden, codeAct, ROWS);
            int in = sizes[0];
            int code = sizes[sizes.length - 1];
            float[] x = JacobianTest.random(ROWS * in, 9, 1f);
            float[] j = new float[ROWS * code * in];
            new DenseJacobian(ks, layers, ROWS).jacobians(x, ROWS, j);
            double expected = 0;
            for (float v : j) {
                expected += (double) v * v;
            }
            expected /= ROWS;
            forward(layers, x);
            double norm = JacobianNorm.exact(ks, layers, ROWS).apply(arena, ROWS, 0L, 1.0, false);
            assertEquals(expected, norm, 1e-5 * expected, java.util.Arrays.toString(sizes) + " " + hidden);
        }
    }

    private static void forward(List<DenseLayer> layers, float[] x) {
        float[] y = x;
        for (DenseLayer l : layers) {
            l.forward(y, ROWS);
            y = l.output();
        }
    }
}
