package dev.aebench.psd;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.testing.FiniteDifferences;
import dev.aebench.core.testing.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradients of a training step, with the codes held at what FISTA inferred: the dictionary's
 * (reconstruction term) and the encoder's W, b and theta (prediction term) against central
 * finite differences, skipping nudges that switch a unit of the encoder's shrink on or off; and
 * the energy against a direct computation in doubles.
 */
class PsdGradientTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final Dataset DATA = TestModels.images(8, 5);
    private static final int SIDE = TestModels.SIDE;

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    static PsdAutoencoder model(Map<String, String> settings, long seed) {
        PsdFamily f = new PsdFamily();
        return (PsdAutoencoder) f.create(ModelConfig.resolve(f, settings), new ModelContext(SIDE, SIDE, seed, KERNELS));
    }

    private static void check(String lambda, String alpha, int hidden) {
        PsdAutoencoder m = model(Map.of("hidden", Integer.toString(hidden), "lambda", lambda, "alpha", alpha,
                "fista_steps", "5"), 11);
        int rows = DATA.size();
        float[] x = DATA.x();
        float[] h = m.inferCodes(x, rows).clone();
        m.codeLossAndGradients(x, rows, h);
        float[] analytic = m.arena().grads().clone();
        float[] params = m.arena().params();
        int nonzero = 0;
        for (int i = m.encoder().dense().weightOffset(); i < m.encoder().thetaOffset(); i++) {
            nonzero += analytic[i] != 0f ? 1 : 0;
        }
        assertTrue(nonzero > hidden * SIDE * SIDE / 2, "the encoder's gradient is mostly zero: " + nonzero);
        int dictEnd = m.dictionaryOffset() + hidden * SIDE * SIDE;
        String what = "lambda " + lambda + ", alpha " + alpha + ", hidden " + hidden;
        FiniteDifferences.Result dict = FiniteDifferences.check(params,
                FiniteDifferences.spread(m.dictionaryOffset(), dictEnd, 400), analytic,
                () -> m.codeLossAndGradients(x, rows, h), () -> m.encoder().activeMask(rows), 1e-2f, 2e-4, 2e-2);
        dict.assertPassed("dictionary, " + what);
        int encoderStart = m.encoder().dense().weightOffset();
        int encoderEnd = m.encoder().thetaOffset();
        int thetaEnd = encoderEnd + hidden;
        int[] encoderIndices = FiniteDifferences.spread(encoderStart, encoderEnd, 400);
        FiniteDifferences.Result enc = FiniteDifferences.check(params, encoderIndices, analytic,
                () -> m.codeLossAndGradients(x, rows, h), () -> m.encoder().activeMask(rows), 1e-2f, 2e-4, 2e-2);
        enc.assertPassed("encoder, " + what);
        assertTrue(enc.checked() > 0.7 * encoderIndices.length, "too many kinks skipped: " + enc);
        if (Double.parseDouble(lambda) > 0) {
            // the thresholds start at lambda / (2 (1 + alpha)); at 0 they sit on the boundary of theta >= 0
            FiniteDifferences.Result theta = FiniteDifferences.check(params,
                    FiniteDifferences.spread(encoderEnd, thetaEnd, hidden), analytic,
                    () -> m.codeLossAndGradients(x, rows, h), () -> m.encoder().activeMask(rows), 1e-3f, 2e-4, 2e-2);
            theta.assertPassed("thresholds, " + what);
        }
    }

    @Test
    void gradientsWithTheDefaultWeights() {
        check("0.5", "1.0", 6);
    }

    @Test
    void gradientsWithAStrongPredictionTermAndAnOvercompleteDictionary() {
        check("0.1", "4.0", 24);
    }

    @Test
    void gradientsWithoutTheSparsityTerm() {
        check("0.0", "0.5", 8);
    }

    @Test
    void energyMatchesADirectComputation() {
        double lambda = 0.3;
        double alpha = 0.8;
        int k = 6;
        int d = SIDE * SIDE;
        PsdAutoencoder m = model(Map.of("hidden", Integer.toString(k), "lambda", Double.toString(lambda),
                "alpha", Double.toString(alpha)), 3);
        int rows = DATA.size();
        float[] x = DATA.x();
        float[] h = m.inferCodes(x, rows).clone();
        float[] f = new float[rows * k];
        m.encode(x, rows, f);
        float[] p = m.arena().params();
        double want = 0;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < d; i++) {
                double v = x[r * d + i];
                for (int a = 0; a < k; a++) {
                    v -= h[r * k + a] * p[m.dictionaryOffset() + a * d + i];
                }
                want += v * v;
            }
            for (int a = 0; a < k; a++) {
                want += lambda * Math.abs(h[r * k + a]);
                double e = h[r * k + a] - f[r * k + a];
                want += alpha * e * e;
            }
        }
        want /= rows;
        assertEquals(want, m.codeLossAndGradients(x, rows, h), 1e-5 * want);
    }
}
