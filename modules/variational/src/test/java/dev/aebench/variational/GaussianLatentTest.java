package dev.aebench.variational;

import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The latent layer's closed-form KL against a Monte Carlo estimate of E_q[log q(z) - log p(z)],
 * its special values, and the gradients of the sample and KL paths against finite differences.
 */
class GaussianLatentTest {
    private final GaussianLatent latent = new GaussianLatent(3);
    private final float[] head = {0.5f, -1.2f, 0f, -0.7f, 0.4f, 0f}; // mu | logvar of one row

    @Test
    void klIsZeroForTheStandardNormalAndMatchesMonteCarlo() {
        assertEquals(0.0, new GaussianLatent(2).klSum(new float[] {0, 0, 0, 0}, 1), 0.0);
        int samples = 400_000;
        double sum = 0;
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < 3; j++) {
                double e = CounterRandom.gaussian(11, (long) s * 3 + j);
                double mu = head[j];
                double logvar = head[3 + j];
                double zz = mu + Math.exp(logvar / 2) * e;
                double logq = -0.5 * (Math.log(2 * Math.PI) + logvar + e * e);
                double logp = -0.5 * (Math.log(2 * Math.PI) + zz * zz);
                sum += logq - logp;
            }
        }
        double closed = latent.klSum(head, 1);
        // KL = 0.5 sum(mu^2 + e^lv - 1 - lv) = 0.5 (0.25 + 1.44 + e^-0.7 + e^0.4 - 2 + 0.7 - 0.4)
        assertEquals(0.5 * (0.25 + 1.44 + 0 + Math.exp(-0.7) + Math.exp(0.4) + 1 - 3 + 0.7 - 0.4), closed, 1e-6);
        assertEquals(closed, sum / samples, 0.01 * closed);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        float[] eps = {0.3f, -1.1f, 2.0f};
        float[] dz = {0.7f, -0.2f, 0.5f};
        double w = 0.8;
        float[] z = new float[3];
        FiniteDifferences.Objective f = () -> {
            latent.sample(head, 1, eps, z);
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += dz[j] * z[j];
            }
            return s + w * latent.klSum(head, 1);
        };
        float[] grad = new float[6];
        latent.backward(head, 1, eps, dz, w, grad);
        FiniteDifferences.Result r = FiniteDifferences.check(head, new int[] {0, 1, 2, 3, 4, 5}, grad, f, null,
                1e-3f, 1e-4, 1e-3);
        assertTrue(r.passed(), r.toString());
    }
}
