package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.aebench.core.kernel.GemmTest.assertArrayEqualsBits;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The vector logarithm against Math.log over the clamped prediction range and beyond, and the
 * vector BCE losses against the scalar kernels: values within rounding, gradients bit for bit
 * for the fused sigmoid form.
 */
class VectorLossesTest {

    @Test
    void logIsAccurateToAFewUlps() {
        SplittableRandom rnd = new SplittableRandom(1);
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        float[] x = new float[lanes * 4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.exp(rnd.nextDouble(-20, 10)); // 2e-9 .. 2e4
        }
        x[0] = 1e-7f;
        x[1] = 1f - 1e-7f;
        x[2] = 1f;
        x[3] = 0.70710677f;
        x[4] = 0.5f;
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i += lanes) {
            VectorLosses.log(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, i)).intoArray(y, i);
        }
        for (int i = 0; i < x.length; i++) {
            double exact = Math.log(x[i]);
            assertEquals(exact, y[i], 3 * Math.ulp((float) exact) + 1e-7, "log " + x[i]);
        }
    }

    @Test
    void bceMatchesTheScalarKernels() {
        SplittableRandom rnd = new SplittableRandom(2);
        int n = 40_000 + 13; // several 4096 blocks and a scalar tail
        float[] y = new float[n];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 97 == 0 ? (i % 2 == 0 ? 0f : 1f) : (float) rnd.nextDouble();
            t[i] = i % 3 == 0 ? 0f : (float) rnd.nextDouble();
        }
        try (Kernels scalar = new ScalarKernels(2); Kernels vector = new VectorKernels(2)) {
            float[] gs = new float[n];
            float[] gv = new float[n];
            double ls = scalar.sigmoidOutputLoss(LossKind.BCE, y, t, n, gs, 3f);
            double lv = vector.sigmoidOutputLoss(LossKind.BCE, y, t, n, gv, 3f);
            assertEquals(ls, lv, 1e-6 * Math.abs(ls));
            assertArrayEqualsBits(gs, gv, "fused BCE gradient");
            float[] hs = new float[n];
            float[] hv = new float[n];
            ls = scalar.loss(LossKind.BCE, y, t, n, hs, 1f);
            lv = vector.loss(LossKind.BCE, y, t, n, hv, 1f);
            assertEquals(ls, lv, 1e-6 * Math.abs(ls));
            for (int i = 0; i < n; i++) {
                assertEquals(hs[i], hv[i], 1e-6f * Math.abs(hs[i]) + 1e-12f, "BCE gradient at " + i);
            }
            assertEquals(ls, vector.loss(LossKind.BCE, y, t, n, null, 1f), 1e-6 * Math.abs(ls));
        }
    }
}
