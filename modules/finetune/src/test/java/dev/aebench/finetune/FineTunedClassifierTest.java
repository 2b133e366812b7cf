package dev.aebench.finetune;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ConvGeometry;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.nn.Conv2dLayer;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.nn.ParameterArena;
import dev.aebench.core.testing.FiniteDifferences;
import dev.aebench.core.testing.TestModels;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The copied encoder plus softmax head: its gradient, its copy of the parameters, and that it learns. */
class FineTunedClassifierTest {

    private static float[] rows(Dataset d, int n) {
        return Arrays.copyOf(d.x(), n * d.dim());
    }

    /** Every parameter's gradient (encoder and head) against central differences of the mean cross-entropy. */
    private static void checkGradient(FineTunedClassifier c, float[] x, int[] y, int rows, String what) {
        c.lossAndGradients(x, y, rows);
        float[] analytic = c.arena().grads().clone();
        ParameterArena a = c.arena();
        FiniteDifferences.Result r = FiniteDifferences.check(a.params(), FiniteDifferences.spread(0, a.size(), 400),
                analytic, () -> c.lossAndGradients(x, y, rows), null, 1e-2f, 1e-4, 2e-2);
        r.assertPassed(what);
    }

    @Test
    void denseGradientMatchesFiniteDifferences() {
        try (Kernels k = new VectorKernels(2)) {
            DenseAutoencoder ae = TestModels.dense(k, Activation.SIGMOID, "none", 3, 12, 6);
            TestModels.scaleEncoder(ae, 2f);
            Dataset d = TestModels.images(10, 4);
            FineTunedClassifier c = new FineTunedClassifier(ae.encoderLayers(), ae.codeDim(), d.classes(), k, 16, 7);
            checkGradient(c, rows(d, 10), d.labels(), 10, "dense encoder + softmax");
        }
    }

    @Test
    void convGradientMatchesFiniteDifferences() {
        try (Kernels k = new VectorKernels(2)) {
            ParameterArena arena = new ParameterArena();
            Conv2dLayer conv = new Conv2dLayer(k, arena, new ConvGeometry(1, 6, 6, 3, 2, 1), 3, Activation.TANH, 4);
            DenseLayer code = new DenseLayer(k, arena, conv.outputSize(), 5, Activation.SIGMOID, 4);
            arena.seal();
            conv.initUniform(1);
            code.initUniform(2);
            float[] x = new float[4 * 36];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.5 + 0.5 * Math.sin(0.37 * i));
            }
            FineTunedClassifier c = new FineTunedClassifier(new LayerStack(List.of(conv, code)), 5, 3, k, 4, 9);
            checkGradient(c, x, new int[] {0, 2, 1, 2}, 4, "conv encoder + softmax");
        }
    }

    @Test
    void theCopyHasTheSourcesParametersAndLeavesThemAlone() {
        try (Kernels k = new VectorKernels(1)) {
            DenseAutoencoder ae = TestModels.dense(k, Activation.SIGMOID, "none", 3, 8);
            float[] before = ae.arena().params().clone();
            Dataset d = TestModels.images(40, 5);
            FineTunedClassifier c = new FineTunedClassifier(ae.encoderLayers(), ae.codeDim(), d.classes(), k, 40, 1);
            DenseLayer src = ae.layers().get(0);
            DenseLayer dst = (DenseLayer) c.encoder().layers().get(0);
            assertArrayEquals(Arrays.copyOfRange(before, src.weightOffset(), src.weightOffset() + src.parameterCount()),
                    Arrays.copyOfRange(c.arena().params(), dst.weightOffset(), dst.weightOffset() + dst.parameterCount()));
            c.fit(d, FineTuneOptions.defaults(2, 3), EpochListener.NONE);
            assertArrayEquals(before, ae.arena().params(), "fine-tuning changed the autoencoder");
        }
    }

    @Test
    void aWiderLastLayerIsCutToTheCode() {
        try (Kernels k = new VectorKernels(1)) {
            ParameterArena arena = new ParameterArena();
            DenseLayer head = new DenseLayer(k, arena, 4, 6, Activation.IDENTITY, 2); // [mu | logvar] of a 3-unit code
            arena.seal();
            head.initUniform(5);
            FineTunedClassifier c = new FineTunedClassifier(new LayerStack(List.of(head)), 3, 2, k, 2, 1);
            DenseLayer cut = (DenseLayer) c.encoder().layers().get(0);
            assertEquals(3, cut.outputSize());
            float[] p = arena.params();
            float[] q = c.arena().params();
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(p[head.weightOffset() + i * 6 + j], q[cut.weightOffset() + i * 3 + j]);
                }
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(p[head.biasOffset() + j], q[cut.biasOffset() + j]);
            }
        }
    }

    @Test
    void trainingLowersTheLossAndIsSeeded() {
        try (Kernels k = new VectorKernels(2)) {
            Dataset d = TestModels.images(300, 6);
            FitReport[] fits = new FitReport[2];
            double[] acc = new double[2];
            float[][] params = new float[2][];
            for (int run = 0; run < 2; run++) {
                DenseAutoencoder ae = TestModels.dense(k, Activation.SIGMOID, "none", 3, 8);
                FineTunedClassifier c = new FineTunedClassifier(ae.encoderLayers(), ae.codeDim(), d.classes(), k, 32, 11);
                fits[run] = c.fit(d, new FineTuneOptions(30, 32, 1e-2f, 11), EpochListener.NONE);
                acc[run] = c.accuracy(d);
                params[run] = c.arena().params().clone();
            }
            List<Double> loss = fits[0].epochLoss();
            assertTrue(loss.get(loss.size() - 1) < 0.5 * loss.get(0), "cross-entropy by epoch: " + loss);
            assertTrue(acc[0] > 0.9, "training accuracy " + acc[0]);
            assertArrayEquals(params[0], params[1], "same seed, different parameters");
            assertEquals(fits[0].epochLoss(), fits[1].epochLoss());
        }
    }
}
