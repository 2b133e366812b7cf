package dev.aebench.runner.trial;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.PlaneMixture;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.data.SyntheticPlane;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.dense.DenseSpec;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.LossKind;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.result.JsonLines;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The displacement field a trial keeps on 2-D data: r(x) - x at the grid centres equals the
 * network written out by hand in double (a 2-3-2 autoencoder, sigmoid code, linear output), the
 * grid is a square over the test points, the score is the mixture's, and the whole stays small.
 */
class FieldArtifactTest {

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-4 * Math.abs(expected) + 1e-6,
                what + ": expected " + expected + ", found " + actual);
    }

    @Test
    void fieldEqualsTheNetworkComputedByHand() {
        Dataset test = SyntheticPlane.parse("synthetic:mixture").generate().test();
        try (Kernels k = new VectorKernels(1)) {
            DenseSpec spec = new DenseSpec(new int[] {3}, Activation.SIGMOID, Activation.IDENTITY, false, LossKind.MSE,
                    1e-3f, 8, "none", "none");
            DenseAutoencoder model = new DenseAutoencoder(spec, new ModelContext(1, 2, 5, k), ObjectiveRegistry.load());
            Map<String, Object> f = FieldArtifact.capture(model, test);
            int g = FieldArtifact.GRID;
            assertEquals(g, f.get("grid"));
            double x0 = (double) f.get("x0");
            double x1 = (double) f.get("x1");
            double y0 = (double) f.get("y0");
            double y1 = (double) f.get("y1");
            assertEquals(x1 - x0, y1 - y0, 1e-4, "a square");
            for (int i = 0; i < test.size(); i++) {
                float px = test.x()[2 * i];
                float py = test.x()[2 * i + 1];
                assertTrue(px > x0 && px < x1 && py > y0 && py < y1, "test point " + i + " inside the grid");
            }
            float[] p = model.arena().params();
            DenseLayer enc = model.layers().get(0);
            DenseLayer dec = (DenseLayer) model.decoderLayers().get(0);
            double[] u = (double[]) f.get("u");
            double[] v = (double[]) f.get("v");
            double[] su = (double[]) f.get("score_u");
            double[] sv = (double[]) f.get("score_v");
            assertEquals(g * g, u.length);
            double[] s = new double[2];
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    double x = (float) (x0 + (j + 0.5) * (x1 - x0) / g);
                    double y = (float) (y0 + (i + 0.5) * (y1 - y0) / g);
                    double[] h = new double[3];
                    for (int c = 0; c < 3; c++) {
                        h[c] = sigmoid(x * p[enc.weightOffset() + c] + y * p[enc.weightOffset() + 3 + c]
                                + p[enc.biasOffset() + c]);
                    }
                    double[] r = new double[2];
                    for (int o = 0; o < 2; o++) {
                        r[o] = p[dec.biasOffset() + o];
                        for (int c = 0; c < 3; c++) {
                            r[o] += h[c] * p[dec.weightOffset() + c * 2 + o];
                        }
                    }
                    int at = i * g + j;
                    close(r[0] - x, u[at], "u at " + at);
                    close(r[1] - y, v[at], "v at " + at);
                    PlaneMixture.STANDARD.score(x, y, s);
                    close(s[0], su[at], "score u at " + at);
                    close(s[1], sv[at], "score v at " + at);
                }
            }
            double[] dx = (double[]) f.get("data_x");
            assertEquals(FieldArtifact.DATA_POINTS, dx.length);
            close(test.x()[2 * 7], dx[7], "data point 7");
            int bytes = JsonLines.toLine(f).getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes < 30 * 1024, "field of " + bytes + " bytes");
        }
    }

    @Test
    void onlyTwoDimensionalDataHasAField() {
        Dataset circle = SyntheticPlane.parse("synthetic:circle").generate().test();
        Dataset images = SyntheticImages.generate(20, 4, 3, 1);
        try (Kernels k = new VectorKernels(1)) {
            DenseSpec spec = new DenseSpec(new int[] {3}, Activation.SIGMOID, Activation.IDENTITY, false, LossKind.MSE,
                    1e-3f, 8, "none", "none");
            DenseAutoencoder plane = new DenseAutoencoder(spec, new ModelContext(1, 2, 5, k), ObjectiveRegistry.load());
            Map<String, Object> f = FieldArtifact.capture(plane, circle);
            assertTrue(f.containsKey("u") && !f.containsKey("score_u"), "a field, and no score off the mixture");
            DenseAutoencoder image = new DenseAutoencoder(spec, new ModelContext(4, 4, 5, k), ObjectiveRegistry.load());
            assertNull(FieldArtifact.capture(image, images));
        }
    }
}
