package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The float Box-Muller transform against the same transform in double with the JDK's log and
 * cos (an independent computation), at random points and at the edges of its ranges (smallest
 * and largest u1, u2 at and around each quarter turn); and the lane-wise version gives the
 * scalar one's bits.
 */
class BoxMullerTest {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static float[][] points() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 200_000;
        float[] u1 = new float[n];
        float[] u2 = new float[n];
        int i = 0;
        int[] edges1 = {1, 2, 3, 1 << 12, (1 << 23) - 1, 1 << 23, (1 << 23) + 1, 11863283, 11863284, (1 << 24) - 1, 1 << 24};
        int[] edges2 = {0, 1, (1 << 22) - 1, 1 << 22, (1 << 22) + 1, (1 << 21) - 1, 1 << 21, (1 << 21) + 1, 3 << 22,
            (3 << 22) + 1, (7 << 21) - 1, 7 << 21, (7 << 21) + 1, (1 << 24) - 1};
        for (int a : edges1) {
            for (int b : edges2) {
                u1[i] = a * 0x1.0p-24f;
                u2[i] = b * 0x1.0p-24f;
                i++;
            }
        }
        for (; i < n; i++) {
            u1[i] = (rnd.nextInt(1 << 24) + 1) * 0x1.0p-24f;
            u2[i] = rnd.nextInt(1 << 24) * 0x1.0p-24f;
        }
        return new float[][] {u1, u2};
    }

    @Test
    void matchesTheDoublePrecisionTransform() {
        float[][] p = points();
        double worst = 0;
        for (int i = 0; i < p[0].length; i++) {
            double ref = Math.sqrt(-2.0 * Math.log(p[0][i])) * Math.cos(2.0 * Math.PI * p[1][i]);
            double err = Math.abs(BoxMuller.transform(p[0][i], p[1][i]) - ref) / Math.max(1.0, Math.abs(ref));
            worst = Math.max(worst, err);
        }
        assertEquals(0.0, worst, 1e-6, "largest error relative to max(1, |value|)");
    }

    @Test
    void laneWiseGivesTheScalarBits() {
        float[][] p = points();
        float[] out = new float[S.length()];
        for (int i = 0; i + S.length() <= p[0].length; i += S.length()) {
            BoxMuller.transform(FloatVector.fromArray(S, p[0], i), FloatVector.fromArray(S, p[1], i)).intoArray(out, 0);
            for (int l = 0; l < out.length; l++) {
                float expected = BoxMuller.transform(p[0][i + l], p[1][i + l]);
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[l]),
                        "u1 " + p[0][i + l] + ", u2 " + p[1][i + l]);
            }
        }
    }
}
