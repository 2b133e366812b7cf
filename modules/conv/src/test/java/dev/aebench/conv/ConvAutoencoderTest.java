package dev.aebench.conv;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.ScalarKernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.testing.FiniteDifferences;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.Evaluation;
import dev.aebench.core.train.FitReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole convolutional autoencoder on tiny synthetic images: its gradient against finite
 * differences (smooth and ReLU, even and odd image sizes, with and without corruption), training
 * that lowers the loss, bit-identical results for 1 and 2 threads, and chunked encoding.
 */
class ConvAutoencoderTest {
    private final ConvFamily family = new ConvFamily();

    private ConvAutoencoder model(Kernels ks, int side, Map<String, String> settings) {
        Map<String, String> s = new HashMap<>(Map.of("channels", "2,3", "code", "4", "batch", "8"));
        s.putAll(settings);
        return (ConvAutoencoder) family.create(ModelConfig.resolve(family, s), new ModelContext(side, side, 42, ks));
    }

    @Test
    void wholeModelGradientMatchesFiniteDifferences() {
        Object[][] cases = {
            {8, Map.of("activation", "tanh", "code_activation", "tanh")},
            {7, Map.of("activation", "tanh")},
            {9, Map.of("activation", "sigmoid", "kernel", "4", "channels", "3,2,2")},
            {8, Map.of("activation", "relu")},
            {8, Map.of("activation", "tanh", "corruption", "flip:0.2", "stride", "1", "channels", "2")},
        };
        for (Kernels ks : new Kernels[] {new ScalarKernels(1), new VectorKernels(2)}) {
            for (Object[] c : cases) {
                int side = (Integer) c[0];
                @SuppressWarnings("unchecked")
                Map<String, String> settings = (Map<String, String>) c[1];
                ConvAutoencoder m = model(ks, side, settings);
                Dataset d = SyntheticImages.generate(3, side, 2, 5);
                long stepSeed = 123;
                m.forwardBackward(d.x(), 3, stepSeed);
                float[] analytic = m.arena().grads().clone();
                List<Layer> layers = new ArrayList<>(m.encoderLayers().layers());
                layers.addAll(m.decoderLayers().layers());
                FiniteDifferences.Result r = FiniteDifferences.check(m.arena().params(),
                        FiniteDifferences.spread(0, m.arena().size(), 500), analytic,
                        () -> m.forwardBackward(d.x(), 3, stepSeed),
                        () -> FiniteDifferences.zeroOutputs(3, layers),
                        settings.get("activation").equals("relu") ? 1e-3f : 1e-2f, 2e-5, 2e-2);
                assertTrue(r.passed(), ks.name() + " side " + side + " " + settings + ": " + r);
            }
            ks.close();
        }
    }

    @Test
    void trainingLowersTheLossAndBeatsTheMeanImage() {
        Dataset train = SyntheticImages.generate(600, 12, 4, 1);
        try (Kernels ks = new VectorKernels(2)) {
            ConvAutoencoder m = model(ks, 12, Map.of("channels", "4,8", "code", "8", "batch", "32", "lr", "3e-3"));
            FitReport report = m.fit(train, 6, EpochListener.NONE);
            assertTrue(report.finalLoss() < 0.6 * report.epochLoss().get(0), "loss curve " + report.epochLoss());
            double mse = Evaluation.reconstructionMse(m, train);
            assertTrue(mse < meanImageMse(train), "mse " + mse + " vs predicting the mean image " + meanImageMse(train));
            assertEquals(6 * 19, report.steps(), "600 rows in batches of 32, the last one short");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Dataset train = SyntheticImages.generate(100, 10, 3, 2);
        float[][] params = new float[2][];
        double[] loss = new double[2];
        int i = 0;
        for (int threads : new int[] {1, 2}) {
            try (Kernels ks = new VectorKernels(threads)) {
                ConvAutoencoder m = model(ks, 10, Map.of("corruption", "flip:0.1", "batch", "16"));
                loss[i] = m.fit(train, 2, EpochListener.NONE).finalLoss();
                params[i++] = m.arena().params().clone();
            }
        }
        assertEquals(loss[0], loss[1], 0.0);
        assertArrayEquals(params[0], params[1]);
    }

    @Test
    void encodesAndDecodesMoreRowsThanOneBufferInChunks() {
        Dataset d = SyntheticImages.generate(300, 8, 3, 3);
        try (Kernels ks = new VectorKernels(2)) {
            ConvAutoencoder m = model(ks, 8, Map.of());
            float[] all = new float[300 * 4];
            m.encode(d.x(), 300, all);
            float[] some = new float[10 * 4];
            float[] tail = java.util.Arrays.copyOfRange(d.x(), 290 * 64, 300 * 64);
            m.encode(tail, 10, some);
            assertArrayEquals(some, java.util.Arrays.copyOfRange(all, 290 * 4, 300 * 4));
            float[] out = new float[300 * 64];
            m.decode(all, 300, out);
            float[] outTail = new float[10 * 64];
            m.decode(some, 10, outTail);
            assertArrayEquals(outTail, java.util.Arrays.copyOfRange(out, 290 * 64, 300 * 64));
        }
    }

    @Test
    void corruptionIsAConfigurationWithItsOwnMetric() {
        Dataset d = SyntheticImages.generate(64, 8, 2, 4);
        try (Kernels ks = new VectorKernels(1)) {
            ConvAutoencoder clean = model(ks, 8, Map.of());
            ConvAutoencoder noisy = model(ks, 8, Map.of("corruption", "flip:0.3"));
            assertNotEquals(clean.forwardBackward(d.x(), 8, 9), noisy.forwardBackward(d.x(), 8, 9));
            assertTrue(noisy.extraMetrics(d).containsKey("noisy_test_mse"));
            assertTrue(clean.extraMetrics(d).containsKey("mean_code_activation"));
            assertTrue(!clean.extraMetrics(d).containsKey("noisy_test_mse"));
        }
    }

    private static double meanImageMse(Dataset d) {
        int dim = d.dim();
        double[] mean = new double[dim];
        for (int r = 0; r < d.size(); r++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += d.x()[r * dim + j] / (double) d.size();
            }
        }
        double s = 0;
        for (int r = 0; r < d.size(); r++) {
            for (int j = 0; j < dim; j++) {
                double e = d.x()[r * dim + j] - mean[j];
                s += e * e;
            }
        }
        return s / ((double) d.size() * dim);
    }
}
