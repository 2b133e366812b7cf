package dev.aebench.core.nn;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ConvGeometry;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.ScalarKernels;
import dev.aebench.core.kernel.VectorKernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conv2d against the convolution's definition (PyTorch weight layout), its gradients against
 * finite differences over strides, paddings, odd and non-square sizes and activations, PyTorch's
 * initialisation bound, and its shape errors.
 */
class Conv2dLayerTest {
    private static List<Kernels> kernels;

    @BeforeAll
    static void start() {
        kernels = List.of(new ScalarKernels(1), new VectorKernels(2));
    }

    @AfterAll
    static void stop() {
        kernels.forEach(Kernels::close);
    }

    /** in, height, width, out, kernel, stride, padding. */
    private static final int[][] CASES = {
        {1, 5, 5, 2, 3, 1, 0}, {2, 7, 6, 3, 3, 2, 1}, {3, 6, 7, 2, 2, 2, 0}, {2, 5, 5, 4, 5, 3, 2},
        {1, 4, 4, 1, 1, 1, 0}, {2, 9, 7, 3, 4, 3, 3}, {1, 28, 28, 16, 3, 2, 1},
    };

    @Test
    void forwardMatchesTheDefinition() {
        for (Kernels ks : kernels) {
            for (int[] c : CASES) {
                for (Activation act : new Activation[] {Activation.IDENTITY, Activation.RELU, Activation.SIGMOID}) {
                    ParameterArena arena = new ParameterArena();
                    ConvGeometry g = new ConvGeometry(c[0], c[1], c[2], c[4], c[5], c[6]);
                    Conv2dLayer layer = new Conv2dLayer(ks, arena, g, c[3], act, 4);
                    arena.seal();
                    layer.initUniform(c[3] * 31L + c[4]);
                    int rows = 3;
                    float[] x = LayerGradients.random(rows * layer.inputSize(), 3);
                    layer.forward(x, rows);
                    double[] expected = ConvReference.conv2d(x, rows, c[0], c[1], c[2], torchWeight(layer, arena),
                            bias(layer, arena), c[3], c[4], c[5], c[6]);
                    assertEquals(expected.length, rows * layer.outputSize());
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(act.apply((float) expected[i]), layer.output()[i], 2e-5,
                                ks.name() + " " + g + " -> " + c[3] + " " + act + " at " + i);
                    }
                }
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (Kernels ks : kernels) {
            for (int[] c : CASES) {
                if (c[1] > 10) {
                    continue;
                }
                for (Activation act : new Activation[] {Activation.IDENTITY, Activation.TANH, Activation.RELU}) {
                    ParameterArena arena = new ParameterArena();
                    ConvGeometry g = new ConvGeometry(c[0], c[1], c[2], c[4], c[5], c[6]);
                    Conv2dLayer layer = new Conv2dLayer(ks, arena, g, c[3], act, 3);
                    arena.seal();
                    layer.initUniform(7);
                    float[] x = LayerGradients.random(2 * layer.inputSize(), 4);
                    LayerGradients.check(layer, arena, x, 2, ks.name() + " conv " + g + " -> " + c[3] + " " + act);
                }
            }
        }
    }

    @Test
    void initialisationIsUniformWithinOneOverSqrtFanIn() {
        ParameterArena arena = new ParameterArena();
        Conv2dLayer layer = new Conv2dLayer(kernels.get(0), arena, new ConvGeometry(16, 14, 14, 3, 2, 1), 32,
                Activation.RELU, 1);
        arena.seal();
        layer.initUniform(1);
        double bound = 1 / Math.sqrt(16 * 9);
        double max = 0;
        for (int i = 0; i < layer.parameterCount(); i++) {
            max = Math.max(max, Math.abs(arena.params()[layer.weightOffset() + i]));
        }
        assertTrue(max <= bound && max > 0.98 * bound, "max |w| " + max + " vs bound " + bound);
        assertEquals(16 * 9 * 32 + 32, layer.parameterCount());
        assertEquals(32 * 7 * 7, layer.outputSize());
    }

    @Test
    void shapeErrorsSayWhatWasExpected() {
        Kernels ks = kernels.get(0);
        ParameterArena arena = new ParameterArena();
        Conv2dLayer layer = new Conv2dLayer(ks, arena, new ConvGeometry(2, 5, 5, 3, 1, 1), 3, Activation.RELU, 4);
        arena.seal();
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(new float[5 * 50], 5));
        assertTrue(tooMany.getMessage().contains("expected at most 4 rows"), tooMany.getMessage());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(new float[49], 1));
        assertTrue(tooShort.getMessage().contains("expected 1 rows of 50 inputs"), tooShort.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Conv2dLayer(ks, new ParameterArena(), new ConvGeometry(2, 5, 5, 3, 1, 1), 0, Activation.RELU, 4));
        IllegalArgumentException noFit = assertThrows(IllegalArgumentException.class,
                () -> new ConvGeometry(1, 2, 2, 3, 1, 0));
        assertTrue(noFit.getMessage().contains("does not fit"), noFit.getMessage());
    }

    /** The layer's W (patch-major) in PyTorch's {@code [out, in, k, k]} order. */
    static float[] torchWeight(Conv2dLayer layer, ParameterArena arena) {
        int out = layer.outChannels();
        int patch = layer.geometry().patchSize();
        float[] w = new float[out * patch];
        for (int o = 0; o < out; o++) {
            for (int q = 0; q < patch; q++) {
                w[o * patch + q] = arena.params()[layer.weightOffset() + q * out + o];
            }
        }
        return w;
    }

    static float[] bias(Conv2dLayer layer, ParameterArena arena) {
        return java.util.Arrays.copyOfRange(arena.params(), layer.biasOffset(), layer.biasOffset() + layer.outChannels());
    }
}
