package dev.aebench.core.nn;

import dev.aebench.core.testing.FiniteDifferences;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ConvGeometry;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A conv-dense-convT stack: sizes must chain, and the chained gradient matches finite differences. */
class LayerStackTest {

    @Test
    void mismatchedSizesAreNamed() {
        try (Kernels ks = new VectorKernels(1)) {
            ParameterArena arena = new ParameterArena();
            Conv2dLayer conv = new Conv2dLayer(ks, arena, new ConvGeometry(1, 6, 6, 3, 2, 1), 2, Activation.RELU, 2);
            DenseLayer dense = new DenseLayer(ks, arena, 20, 4, Activation.IDENTITY, 2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LayerStack(List.of(conv, dense)));
            assertEquals("layer 2 expects 20 inputs, found 18 outputs from layer 1", e.getMessage());
        }
    }

    @Test
    void chainedGradientsMatchFiniteDifferences() {
        try (Kernels ks = new VectorKernels(2)) {
            ParameterArena arena = new ParameterArena();
            Conv2dLayer conv = new Conv2dLayer(ks, arena, new ConvGeometry(1, 7, 7, 3, 2, 1), 2, Activation.TANH, 2);
            DenseLayer dense = new DenseLayer(ks, arena, 32, 3, Activation.TANH, 2);
            DenseLayer up = new DenseLayer(ks, arena, 3, 32, Activation.TANH, 2);
            ConvTranspose2dLayer back = new ConvTranspose2dLayer(ks, arena, 2, 4, 4, 1, 3, 2, 1, 0, Activation.SIGMOID, 2);
            LayerStack stack = new LayerStack(List.of(conv, dense, up, back));
            arena.seal();
            conv.initUniform(1);
            dense.initUniform(2);
            up.initUniform(3);
            back.initUniform(4);
            assertEquals(49, stack.outputSize());
            float[] x = LayerGradients.random(2 * 49, 6);
            float[] r = LayerGradients.random(2 * 49, 7);
            FiniteDifferences.Objective f = () -> {
                float[] y = stack.forward(x, 2);
                double s = 0;
                for (int i = 0; i < r.length; i++) {
                    s += (double) r[i] * y[i];
                }
                return s;
            };
            f.value();
            arena.zeroGrads();
            System.arraycopy(r, 0, stack.gradOutput(), 0, r.length);
            float[] gradX = new float[x.length];
            stack.backward(x, 2, gradX, false, false);
            float[] g = arena.grads().clone();
            FiniteDifferences.Result p = FiniteDifferences.check(arena.params(), FiniteDifferences.spread(0, arena.size(), 300),
                    g, f, null, 1e-2f, 1e-3, 1e-2);
            assertTrue(p.passed(), "parameters: " + p);
            FiniteDifferences.Result in = FiniteDifferences.check(x, FiniteDifferences.spread(0, x.length, 98), gradX, f,
                    null, 1e-2f, 1e-3, 1e-2);
            assertTrue(in.passed(), "inputs: " + in);
        }
    }
}
