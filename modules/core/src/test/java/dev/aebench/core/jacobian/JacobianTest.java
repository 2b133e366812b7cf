package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ConvGeometry;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.nn.Conv2dLayer;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.nn.ParameterArena;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact Jacobians against central finite differences: dense (each activation, deep) and conv stacks. */
class JacobianTest {
    private static final int ROWS = 3;

    @Test
    void singleDenseLayersMatchFiniteDifferences() {
        for (Activation a : Activation.values()) {
            checkDense(new int[] {12, 5}, a, a);
        }
    }

    @Test
    void deepDenseStacksMatchFiniteDifferences() {
        checkDense(new int[] {10, 8, 6, 4}, Activation.SIGMOID, Activation.SIGMOID);
        checkDense(new int[] {10, 9, 7, 5}, Activation.RELU, Activation.RELU);
        checkDense(new int[] {10, 8, 4}, Activation.TANH, Activation.IDENTITY);
        checkDense(new int[] {10, 8, 4}, Activation.RELU, Activation.SIGMOID);
    }

    @Test
    void chunkedCallsGiveTheSameJacobians() {
        try (Kernels ks = new VectorKernels(2)) {
            ParameterArena arena = new ParameterArena();
            List<DenseLayer> layers = dense(ks, arena, new int[] {9, 7, 5}, Activation.TANH, Activation.SIGMOID, 8);
            DenseJacobian jac = new DenseJacobian(ks, layers, 8);
            float[] x = random(8 * 9, 3, 1f);
            float[] all = new float[8 * 5 * 9];
            jac.jacobians(x, 8, all);
            float[] one = new float[5 * 9];
            for (int r = 0; r < 8; r++) {
                jac.jacobians(Arrays.copyOfRange(x, r * 9, (r + 1) * 9), 1, one);
                assertArrayEquals(Arrays.copyOfRange(all, r * 45, (r + 1) * 45), one, 1e-6f);
            }
        }
    }

    @Test
    void convStackMatchesFiniteDifferences() {
        try (Kernels ks = new VectorKernels(1)) {
            ParameterArena arena = new ParameterArena();
            Conv2dLayer conv = new Conv2dLayer(ks, arena, new ConvGeometry(1, 7, 7, 3, 2, 1), 2, Activation.TANH, 8);
            DenseLayer code = new DenseLayer(ks, arena, 32, 5, Activation.SIGMOID, 8);
            LayerStack stack = new LayerStack(List.of(conv, code));
            arena.seal();
            conv.initUniform(1);
            code.initUniform(2);
            Arrays.fill(arena.grads(), 0.25f);
            float[] x = random(ROWS * 49, 4, 1f);
            float[] out = new float[ROWS * 5 * 49];
            new StackJacobian(stack, arena, 3, 5).jacobians(x, ROWS, out); // 5 code units in blocks of 3
            for (float g : arena.grads()) {
                assertTrue(g == 0.25f, "parameter gradients are restored");
            }
            for (int r = 0; r < ROWS; r++) {
                float[] xr = Arrays.copyOfRange(x, r * 49, (r + 1) * 49);
                CentralDifferences fd = CentralDifferences.of(v -> {
                    float[] y = stack.forward(v, 1);
                    return Arrays.copyOf(y, 5);
                }, v -> "", xr, 1e-2f);
                double worst = fd.worst(out, r * 5 * 49, 2e-4, 1e-2);
                assertTrue(worst <= 1, "conv row " + r + ": worst scaled error " + worst);
            }
        }
    }

    private static void checkDense(int[] sizes, Activation hidden, Activation codeAct) {
        try (Kernels ks = new VectorKernels(1)) {
            ParameterArena arena = new ParameterArena();
            List<DenseLayer> layers = dense(ks, arena, sizes, hidden, codeAct, ROWS);
            int in = sizes[0];
            int code = sizes[sizes.length - 1];
            DenseJacobian jac = new DenseJacobian(ks, layers, ROWS);
            float[] x = random(ROWS * in, 5, 1f);
            float[] out = new float[ROWS * code * in];
            jac.jacobians(x, ROWS, out);
            Function<float[], float[]> f = v -> {
                float[] y = v;
                for (DenseLayer l : layers) {
                    l.forward(y, 1);
                    y = l.output();
                }
                return Arrays.copyOf(y, code);
            };
            Function<float[], String> kinks = v -> {
                StringBuilder s = new StringBuilder();
                float[] y = v;
                for (DenseLayer l : layers) {
                    l.forward(y, 1);
                    y = l.output();
                    for (int k = 0; k < l.outputSize(); k++) {
                        s.append(l.activation() == Activation.RELU && y[k] == 0f ? '0' : '1');
                    }
                }
                return s.toString();
            };
            for (int r = 0; r < ROWS; r++) {
                float[] xr = Arrays.copyOfRange(x, r * in, (r + 1) * in);
                CentralDifferences fd = CentralDifferences.of(f, kinks, xr, 1e-2f);
                assertTrue(fd.checkedColumns() > in / 2, "most columns away from kinks");
                double worst = fd.worst(out, r * code * in, 2e-4, 1e-2);
                assertTrue(worst <= 1, Arrays.toString(sizes) + " " + hidden + "/" + codeAct + " row " + r
                        + ": worst scaled error " + worst);
            }
        }
    }

    static List<DenseLayer> dense(Kernels ks, ParameterArena arena, int[] sizes, Activation hidden, Activation codeAct,
                                  int maxRows) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int t = 1; t < sizes.length; t++) {
            layers.add(new DenseLayer(ks, arena, sizes[t - 1], sizes[t], t == sizes.length - 1 ? codeAct : hidden, maxRows));
        }
        arena.seal();
        for (int t = 0; t < layers.size(); t++) {
            layers.get(t).initUniform(10 + t);
        }
        // larger weights than the default init, so every layer bends the map visibly
        float[] p = arena.params();
        for (int i = 0; i < p.length; i++) {
            p[i] *= 2f;
        }
        return layers;
    }

    static float[] random(int n, long seed, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * (2f * CounterRandom.uniform(seed, i) - 1f);
        }
        return x;
    }
}
