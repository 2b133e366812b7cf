package dev.aebench.core.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static dev.aebench.core.kernel.GemmTest.assertArrayEqualsBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image operations: im2col against its definition, col2im as its exact adjoint, batched
 * transposes, per-channel bias with activation and per-channel sums, for every implementation
 * and thread count (which must agree bit for bit where the order of operations is the same).
 */
class ImageKernelsTest {
    private static List<Kernels> kernels;

    @BeforeAll
    static void start() {
        kernels = List.of(new ScalarKernels(1), new ScalarKernels(3), new VectorKernels(1), new VectorKernels(2));
    }

    @AfterAll
    static void stop() {
        kernels.forEach(Kernels::close);
    }

    private static final ConvGeometry[] GEOMETRIES = {
        new ConvGeometry(1, 5, 5, 3, 1, 0), new ConvGeometry(2, 7, 6, 3, 2, 1), new ConvGeometry(3, 6, 7, 2, 2, 0),
        new ConvGeometry(2, 5, 5, 5, 3, 2), new ConvGeometry(1, 4, 4, 1, 1, 0), new ConvGeometry(16, 14, 14, 3, 2, 1),
    };

    @Test
    void geometryGivesPyTorchOutputSizes() {
        ConvGeometry g = new ConvGeometry(1, 28, 28, 3, 2, 1);
        assertEquals(14, g.outHeight());
        assertEquals(9, g.patchSize());
        assertEquals(7, new ConvGeometry(16, 14, 14, 3, 2, 1).outWidth());
        assertEquals(4, new ConvGeometry(1, 7, 7, 3, 2, 1).outHeight());
        assertEquals(2, new ConvGeometry(1, 9, 7, 4, 3, 0).outHeight());
    }

    @Test
    void geometryRejectsKernelsThatDoNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(1, 3, 3, 5, 1, 0));
        assertTrue(e.getMessage().contains("5x5 kernel does not fit a 3x3 input"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(1, 3, 3, 3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(0, 3, 3, 3, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(1, 3, 3, 3, 1, -1));
    }

    @Test
    void im2colMatchesItsDefinition() {
        for (ConvGeometry g : GEOMETRIES) {
            int batch = 3;
            float[] image = random(batch * g.imageSize(), 11);
            float[] expected = new float[batch * g.positions() * g.patchSize()];
            int k = g.kernel();
            for (int b = 0; b < batch; b++) {
                for (int y = 0; y < g.outHeight(); y++) {
                    for (int x = 0; x < g.outWidth(); x++) {
                        int row = (b * g.positions() + y * g.outWidth() + x) * g.patchSize();
                        for (int c = 0; c < g.channels(); c++) {
                            for (int kh = 0; kh < k; kh++) {
                                for (int kw = 0; kw < k; kw++) {
                                    int iy = y * g.stride() - g.padding() + kh;
                                    int ix = x * g.stride() - g.padding() + kw;
                                    boolean inside = iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width();
                                    expected[row + (c * k + kh) * k + kw] = inside
                                            ? image[((b * g.channels() + c) * g.height() + iy) * g.width() + ix] : 0f;
                                }
                            }
                        }
                    }
                }
            }
            for (Kernels ks : kernels) {
                float[] cols = random(expected.length, 5); // stale values must be overwritten
                ks.im2col(g, image, batch, cols);
                assertArrayEqualsBits(expected, cols, ks.name() + "/" + ks.threads() + " " + g);
            }
        }
    }

    @Test
    void col2imIsTheAdjointOfIm2col() {
        for (ConvGeometry g : GEOMETRIES) {
            int batch = 2;
            float[] x = random(batch * g.imageSize(), 3);
            float[] c = random(batch * g.positions() * g.patchSize(), 4);
            float[] reference = null;
            for (Kernels ks : kernels) {
                float[] unfolded = new float[c.length];
                ks.im2col(g, x, batch, unfolded);
                float[] folded = random(x.length, 9);
                ks.col2im(g, c, batch, folded, false);
                assertEquals(dot(unfolded, c), dot(x, folded), 1e-9 * c.length + 1e-6, "<im2col x, c> = <x, col2im c> " + g);
                if (reference == null) {
                    reference = folded;
                } else {
                    assertArrayEqualsBits(reference, folded, ks.name() + "/" + ks.threads() + " col2im " + g);
                }
                float[] twice = folded.clone();
                ks.col2im(g, c, batch, twice, true);
                for (int i = 0; i < twice.length; i++) {
                    assertEquals(2 * folded[i], twice[i], 1e-5f * (1 + Math.abs(folded[i])), "accumulate " + g);
                }
            }
        }
    }

    @Test
    void transposeEachTransposesEveryMatrix() {
        int count = 5;
        int rows = 7;
        int cols = 3;
        float[] src = random(count * rows * cols, 8);
        for (Kernels ks : kernels) {
            float[] dst = new float[src.length];
            ks.transposeEach(src, count, rows, cols, dst, false);
            for (int m = 0; m < count; m++) {
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        assertEquals(src[m * rows * cols + i * cols + j], dst[m * rows * cols + j * rows + i]);
                    }
                }
            }
            float[] back = new float[src.length];
            ks.transposeEach(dst, count, cols, rows, back, false);
            assertArrayEqualsBits(src, back, "transpose twice");
            ks.transposeEach(dst, count, cols, rows, back, true);
            for (int i = 0; i < src.length; i++) {
                assertEquals(2 * src[i], back[i], 0f);
            }
        }
    }

    @Test
    void channelBiasActivationAddsEachChannelsBias() {
        int batch = 3;
        int channels = 4;
        int plane = 37; // a vector body and a scalar tail
        float[] bias = random(channels + 2, 6);
        for (Activation act : Activation.values()) {
            float[] z0 = random(batch * channels * plane, 7);
            for (Kernels ks : kernels) {
                float[] z = z0.clone();
                ks.channelBiasActivation(act, z, batch, channels, plane, bias, 2);
                for (int i = 0; i < z.length; i++) {
                    int c = (i / plane) % channels;
                    assertEquals(act.apply(z0[i] + bias[2 + c]), z[i], 2e-6f, act + " " + ks.name() + " at " + i);
                }
            }
        }
    }

    @Test
    void channelSumsAddOverImagesAndPlane() {
        int batch = 5;
        int channels = 3;
        int plane = 29;
        float[] g = random(batch * channels * plane, 12);
        float[] reference = null;
        for (Kernels ks : kernels) {
            float[] out = {0f, 0f, 1f, 2f, 3f};
            ks.channelSums(g, batch, channels, plane, out, 2, true);
            for (int c = 0; c < channels; c++) {
                double s = 0;
                for (int b = 0; b < batch; b++) {
                    for (int i = 0; i < plane; i++) {
                        s += g[(b * channels + c) * plane + i];
                    }
                }
                assertEquals(c + 1 + s, out[2 + c], 1e-4, "channel " + c);
            }
            if (reference == null) {
                reference = out;
            } else {
                assertArrayEqualsBits(reference, out, ks.name() + "/" + ks.threads() + " channel sums");
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static float[] random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }
}
