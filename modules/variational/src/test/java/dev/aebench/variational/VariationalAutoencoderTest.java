package dev.aebench.variational;

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
import dev.aebench.core.train.FitReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The VAE on tiny synthetic images: the gradient of the whole loss (sampling path included, with
 * a fixed eps) against finite differences for both decoders and several betas, the loss's two
 * terms against their definitions, training that raises the test ELBO, repeatable metrics, and
 * bit-identical results for 1 and 2 threads.
 */
class VariationalAutoencoderTest {
    private final VaeFamily family = new VaeFamily();

    private VariationalAutoencoder model(Kernels ks, int side, Map<String, String> settings) {
        Map<String, String> s = new HashMap<>(Map.of("hidden", "6", "latent", "3", "batch", "8"));
        s.putAll(settings);
        return (VariationalAutoencoder) family.create(ModelConfig.resolve(family, s), new ModelContext(side, side, 7, ks));
    }

    private static float[] noise(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] e = new float[n];
        for (int i = 0; i < n; i++) {
            e[i] = (float) rnd.nextGaussian();
        }
        return e;
    }

    @Test
    void lossGradientWithAFixedEpsMatchesFiniteDifferences() {
        List<Map<String, String>> cases = List.of(
                Map.of(), Map.of("beta", "4"), Map.of("beta", "0.25", "decoder", "gaussian"),
                Map.of("hidden", "7,5", "latent", "2"), Map.of("beta", "0"));
        // the scalar kernels sum the loss in double; float-precision losses would drown the
        // differences of small steps, so the vector kernels are compared with these gradients below
        for (Kernels ks : new Kernels[] {new ScalarKernels(1), new ScalarKernels(2)}) {
            for (Map<String, String> settings : cases) {
                VariationalAutoencoder m = model(ks, 5, settings);
                Dataset d = SyntheticImages.generate(4, 5, 2, 3);
                float[] eps = noise(4 * m.codeDim(), 5);
                m.forwardBackwardWithNoise(d.x(), 4, eps);
                float[] analytic = m.arena().grads().clone();
                List<Layer> layers = new ArrayList<>(m.encoderLayers().layers());
                layers.addAll(m.decoderLayers().layers());
                FiniteDifferences.Result r = FiniteDifferences.check(m.arena().params(),
                        FiniteDifferences.spread(0, m.arena().size(), 400), analytic,
                        () -> m.forwardBackwardWithNoise(d.x(), 4, eps), () -> FiniteDifferences.zeroOutputs(4, layers),
                        1e-3f, 2e-4, 1e-2);
                assertTrue(r.passed(), ks.name() + " " + settings + ": " + r);
                assertTrue(r.checked() > 300, "most parameters away from kinks: " + r);
            }
            ks.close();
        }
    }

    @Test
    void vectorKernelsGiveTheScalarKernelsGradients() {
        for (Map<String, String> settings : List.of(Map.<String, String>of(), Map.of("decoder", "gaussian", "beta", "3"))) {
            float[][] grads = new float[2][];
            double[] loss = new double[2];
            int i = 0;
            for (Kernels ks : new Kernels[] {new ScalarKernels(1), new VectorKernels(2)}) {
                VariationalAutoencoder m = model(ks, 9, Map.of("hidden", "50,20", "latent", "5"));
                Dataset d = SyntheticImages.generate(16, 9, 3, 8);
                loss[i] = m.forwardBackwardWithNoise(d.x(), 16, noise(16 * 5, 9));
                grads[i++] = m.arena().grads().clone();
                ks.close();
            }
            assertEquals(loss[0], loss[1], 1e-5 * Math.abs(loss[0]), settings.toString());
            double scale = 0;
            for (float g : grads[0]) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int j = 0; j < grads[0].length; j++) {
                assertEquals(grads[0][j], grads[1][j], 1e-5 * scale, settings + " gradient " + j);
            }
        }
    }

    @Test
    void lossIsSummedReconstructionPlusBetaTimesClosedFormKl() {
        try (Kernels ks = new VectorKernels(1)) {
            VariationalAutoencoder m = model(ks, 6, Map.of("beta", "2.5"));
            Dataset d = SyntheticImages.generate(5, 6, 2, 4);
            int k = m.codeDim();
            float[] eps = noise(5 * k, 6);
            double loss = m.forwardBackwardWithNoise(d.x(), 5, eps);
            float[] head = m.encoderLayers().output().clone();
            float[] out = m.decoderLayers().output().clone();
            double kl = 0;
            double bce = 0;
            for (int r = 0; r < 5; r++) {
                for (int j = 0; j < k; j++) {
                    double mu = head[r * 2 * k + j];
                    double lv = head[r * 2 * k + k + j];
                    kl += -0.5 * (1 + lv - mu * mu - Math.exp(lv));
                }
                for (int i = 0; i < 36; i++) {
                    double p = Math.min(Math.max(out[r * 36 + i], 1e-7), 1 - 1e-7);
                    double t = d.x()[r * 36 + i];
                    bce -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
                }
            }
            assertEquals(kl / 5, m.lastKl(), 1e-6);
            assertEquals(bce / 5, m.lastReconstruction(), 1e-4);
            assertEquals(bce / 5 + 2.5 * kl / 5, loss, 1e-4);
            // the decoder saw z = mu + exp(logvar / 2) eps
            float[] z = new float[5 * k];
            m.latent().sample(head, 5, eps, z);
            float[] decoded = new float[5 * 36];
            m.decode(z, 5, decoded);
            assertArrayEquals(out, java.util.Arrays.copyOf(decoded, out.length), 1e-6f);
            // encode gives the posterior mean
            float[] codes = new float[5 * k];
            m.encode(d.x(), 5, codes);
            for (int r = 0; r < 5; r++) {
                for (int j = 0; j < k; j++) {
                    assertEquals(head[r * 2 * k + j], codes[r * k + j], 0f);
                }
            }
        }
    }

    @Test
    void trainingRaisesTheTestElbo() {
        Dataset train = SyntheticImages.generate(800, 10, 4, 1);
        Dataset test = SyntheticImages.generate(200, 10, 4, 2);
        try (Kernels ks = new VectorKernels(2)) {
            VariationalAutoencoder m = model(ks, 10, Map.of("hidden", "64", "latent", "4", "batch", "32", "lr", "3e-3"));
            Map<String, Double> before = m.extraMetrics(test);
            FitReport report = m.fit(train, 6, EpochListener.NONE);
            Map<String, Double> after = m.extraMetrics(test);
            assertTrue(report.finalLoss() < report.epochLoss().get(0), "loss curve " + report.epochLoss());
            assertTrue(after.get("test_elbo") > before.get("test_elbo") + 5, before + " -> " + after);
            assertEquals(after.get("test_elbo"), -(after.get("test_recon") + after.get("test_kl")), 1e-9);
            assertTrue(after.get("test_kl") > 0);
            assertEquals(after, m.extraMetrics(test), "metrics are repeatable");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Dataset train = SyntheticImages.generate(100, 8, 3, 2);
        float[][] params = new float[2][];
        double[] loss = new double[2];
        int i = 0;
        for (int threads : new int[] {1, 2}) {
            try (Kernels ks = new VectorKernels(threads)) {
                VariationalAutoencoder m = model(ks, 8, Map.of("hidden", "40", "batch", "16"));
                loss[i] = m.fit(train, 2, EpochListener.NONE).finalLoss();
                params[i++] = m.arena().params().clone();
            }
        }
        assertEquals(loss[0], loss[1], 0.0);
        assertArrayEquals(params[0], params[1]);
    }
}
