package dev.aebench.finetune;

import dev.aebench.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxCrossEntropyTest {

    @Test
    void lossIsTheMeanNegativeLogProbabilityOfTheLabel() {
        float[] s = {1f, 2f, 0.5f, -3f, 0f, 4f};
        int[] y = {1, 0};
        // independent: log-sum-exp written out
        double row0 = -(2 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5)));
        double row1 = -(-3 - Math.log(Math.exp(-3) + Math.exp(0) + Math.exp(4)));
        assertEquals((row0 + row1) / 2, SoftmaxCrossEntropy.lossAndGradient(s, y, 2, 3, null), 1e-12);
    }

    @Test
    void largeScoresStayFinite() {
        float[] s = {1000f, -1000f, 999f, 1e30f};
        double loss = SoftmaxCrossEntropy.lossAndGradient(s, new int[] {0, 1}, 2, 2, new float[4]);
        assertTrue(Double.isFinite(loss), "loss " + loss);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        float[] s = new float[4 * 5];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.sin(1.7 * i) * 2;
        }
        int[] y = {0, 3, 4, 1};
        float[] g = new float[s.length];
        SoftmaxCrossEntropy.lossAndGradient(s, y, 4, 5, g);
        FiniteDifferences.Result r = FiniteDifferences.check(s, FiniteDifferences.spread(0, s.length, s.length), g,
                () -> SoftmaxCrossEntropy.lossAndGradient(s, y, 4, 5, null), null, 1e-2f, 1e-5, 1e-3);
        r.assertPassed("softmax cross-entropy");
        assertEquals(s.length, r.checked());
    }

    @Test
    void correctCountsFirstHighestScores() {
        float[] s = {0f, 2f, 2f, 5f, 1f, 0f};
        assertEquals(2, SoftmaxCrossEntropy.correct(s, new int[] {9, 1, 0}, 1, 2, 3)); // ties go to the first
        assertEquals(1, SoftmaxCrossEntropy.correct(s, new int[] {2, 0}, 0, 2, 3));
    }

    @Test
    void aLabelOutsideTheClassesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.lossAndGradient(new float[] {0f, 1f}, new int[] {2}, 1, 2, null));
    }
}
