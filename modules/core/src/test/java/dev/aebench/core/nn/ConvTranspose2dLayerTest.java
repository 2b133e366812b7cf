package dev.aebench.core.nn;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ConvGeometry;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.ScalarKernels;
import dev.aebench.core.kernel.VectorKernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ConvTranspose2d against its definition (PyTorch's output size and weight layout), as the exact
 * adjoint of Conv2d, its gradients against finite differences over strides, paddings, output
 * paddings and odd sizes, PyTorch's initialisation bound, and its shape errors.
 */
class ConvTranspose2dLayerTest {
    private static List<Kernels> kernels;

    @BeforeAll
    static void start() {
        kernels = List.of(new ScalarKernels(1), new VectorKernels(2));
    }

    @AfterAll
    static void stop() {
        kernels.forEach(Kernels::close);
    }

    /** in, height, width, out, kernel, stride, padding, output padding. */
    private static final int[][] CASES = {
        {2, 3, 3, 3, 3, 2, 1, 1}, {1, 4, 5, 2, 3, 1, 0, 0}, {3, 2, 3, 2, 2, 2, 0, 1}, {2, 3, 4, 1, 5, 3, 2, 2},
        {1, 2, 2, 2, 4, 2, 1, 0}, {2, 3, 3, 2, 3, 3, 1, 1}, {32, 7, 7, 16, 3, 2, 1, 1},
    };

    @Test
    void outputSizeFollowsPyTorch() {
        ParameterArena arena = new ParameterArena();
        ConvTranspose2dLayer a = new ConvTranspose2dLayer(kernels.get(0), arena, 32, 7, 7, 16, 3, 2, 1, 1, Activation.RELU, 1);
        assertEquals(14, a.outHeight());
        ConvTranspose2dLayer b = new ConvTranspose2dLayer(kernels.get(0), arena, 16, 14, 14, 1, 3, 2, 1, 1, Activation.SIGMOID, 1);
        assertEquals(28 * 28, b.outputSize());
        ConvTranspose2dLayer c = new ConvTranspose2dLayer(kernels.get(0), arena, 1, 4, 5, 2, 3, 1, 0, 0, Activation.RELU, 1);
        assertEquals(6, c.outHeight());
        assertEquals(7, c.outWidth());
    }

    @Test
    void forwardMatchesTheDefinition() {
        for (Kernels ks : kernels) {
            for (int[] c : CASES) {
                for (Activation act : new Activation[] {Activation.IDENTITY, Activation.SIGMOID, Activation.TANH}) {
                    ParameterArena arena = new ParameterArena();
                    ConvTranspose2dLayer layer = build(ks, arena, c, act, 4);
                    arena.seal();
                    layer.initUniform(c[3] * 13L + c[4]);
                    int rows = 3;
                    float[] x = LayerGradients.random(rows * layer.inputSize(), 3);
                    layer.forward(x, rows);
                    float[] weight = Arrays.copyOfRange(arena.params(), layer.weightOffset(),
                            layer.weightOffset() + c[0] * c[3] * c[4] * c[4]);
                    float[] bias = Arrays.copyOfRange(arena.params(), layer.biasOffset(), layer.biasOffset() + c[3]);
                    double[] expected = ConvReference.convTranspose2d(x, rows, c[0], c[1], c[2], weight, bias, c[3],
                            c[4], c[5], c[6], c[7]);
                    assertEquals(expected.length, rows * layer.outputSize());
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(act.apply((float) expected[i]), layer.output()[i], 2e-5,
                                ks.name() + " " + Arrays.toString(c) + " " + act + " at " + i);
                    }
                }
            }
        }
    }

    @Test
    void isTheAdjointOfConv2d() {
        Kernels ks = kernels.get(1);
        int[][] convs = {{2, 7, 9, 3, 3, 2, 1}, {3, 9, 12, 2, 4, 3, 1}, {1, 6, 6, 2, 2, 2, 0}};
        for (int[] c : convs) {
            ParameterArena arena = new ParameterArena();
            ConvGeometry g = new ConvGeometry(c[0], c[1], c[2], c[4], c[5], c[6]);
            Conv2dLayer conv = new Conv2dLayer(ks, arena, g, c[3], Activation.IDENTITY, 2);
            int op = c[1] - ((g.outHeight() - 1) * c[5] - 2 * c[6] + c[4]);
            int opW = c[2] - ((g.outWidth() - 1) * c[5] - 2 * c[6] + c[4]);
            assertEquals(op, opW, "test case needs the same output padding both ways");
            ConvTranspose2dLayer back = new ConvTranspose2dLayer(ks, arena, c[3], g.outHeight(), g.outWidth(), c[0],
                    c[4], c[5], c[6], op, Activation.IDENTITY, 2);
            arena.seal();
            conv.initUniform(3);
            // W_T (out x (in k k)) = W_conv^T ((in k k) x out); zero biases
            int patch = g.patchSize();
            float[] p = arena.params();
            for (int q = 0; q < patch; q++) {
                for (int o = 0; o < c[3]; o++) {
                    p[back.weightOffset() + o * patch + q] = p[conv.weightOffset() + q * c[3] + o];
                }
            }
            Arrays.fill(p, conv.biasOffset(), conv.biasOffset() + c[3], 0f);
            Arrays.fill(p, back.biasOffset(), back.biasOffset() + c[0], 0f);
            float[] x = LayerGradients.random(2 * conv.inputSize(), 1);
            float[] y = LayerGradients.random(2 * conv.outputSize(), 2);
            conv.forward(x, 2);
            back.forward(y, 2);
            assertEquals(back.outputSize(), conv.inputSize());
            assertEquals(dot(conv.output(), y, y.length), dot(x, back.output(), x.length), 1e-4,
                    "<conv x, y> = <x, convT y> for " + g);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (Kernels ks : kernels) {
            for (int[] c : CASES) {
                if (c[0] > 4) {
                    continue;
                }
                for (Activation act : new Activation[] {Activation.IDENTITY, Activation.TANH, Activation.RELU}) {
                    ParameterArena arena = new ParameterArena();
                    ConvTranspose2dLayer layer = build(ks, arena, c, act, 3);
                    arena.seal();
                    layer.initUniform(5);
                    float[] x = LayerGradients.random(2 * layer.inputSize(), 4);
                    LayerGradients.check(layer, arena, x, 2, ks.name() + " convT " + Arrays.toString(c) + " " + act);
                }
            }
        }
    }

    @Test
    void initialisationUsesPyTorchsFanIn() {
        ParameterArena arena = new ParameterArena();
        ConvTranspose2dLayer layer = new ConvTranspose2dLayer(kernels.get(0), arena, 32, 7, 7, 16, 3, 2, 1, 1,
                Activation.RELU, 1);
        arena.seal();
        layer.initUniform(2);
        double bound = 1 / Math.sqrt(16 * 9); // weight dim 1 (out) x k x k
        double max = 0;
        for (int i = 0; i < layer.parameterCount(); i++) {
            max = Math.max(max, Math.abs(arena.params()[layer.weightOffset() + i]));
        }
        assertTrue(max <= bound && max > 0.98 * bound, "max |w| " + max + " vs bound " + bound);
        assertEquals(32 * 16 * 9 + 16, layer.parameterCount());
    }

    @Test
    void shapeErrorsSayWhatWasExpected() {
        Kernels ks = kernels.get(0);
        IllegalArgumentException op = assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2dLayer(ks, new ParameterArena(), 2, 3, 3, 2, 3, 2, 1, 2, Activation.RELU, 1));
        assertTrue(op.getMessage().contains("expected output padding in [0, stride), found 2"), op.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2dLayer(ks, new ParameterArena(), 2, 1, 1, 2, 1, 1, 1, 0, Activation.RELU, 1));
        assertTrue(empty.getMessage().contains("non-empty output"), empty.getMessage());
        ParameterArena arena = new ParameterArena();
        ConvTranspose2dLayer layer = new ConvTranspose2dLayer(ks, arena, 2, 3, 3, 2, 3, 2, 1, 1, Activation.RELU, 2);
        arena.seal();
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> layer.forward(new float[54], 3));
        assertTrue(rows.getMessage().contains("expected at most 2 rows"), rows.getMessage());
    }

    private static ConvTranspose2dLayer build(Kernels ks, ParameterArena arena, int[] c, Activation act, int maxRows) {
        return new ConvTranspose2dLayer(ks, arena, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], act, maxRows);
    }

    private static double dot(float[] a, float[] b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
