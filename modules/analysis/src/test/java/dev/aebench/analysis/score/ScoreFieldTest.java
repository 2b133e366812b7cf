package dev.aebench.analysis.score;

import dev.aebench.core.data.PlaneMixture;
import dev.aebench.core.metric.Metrics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The score-field metrics against exact fields and a direct computation. */
class ScoreFieldTest {
    private static final PlaneMixture MIX = PlaneMixture.STANDARD;

    /** r(x) = x + scale * score of {@code of}. */
    private static ScoreField.Reconstruction alongScore(PlaneMixture of, double scale) {
        return (x, rows, out) -> {
            double[] s = new double[2];
            for (int i = 0; i < rows; i++) {
                of.score(x[2 * i], x[2 * i + 1], s);
                out[2 * i] = (float) (x[2 * i] + scale * s[0]);
                out[2 * i + 1] = (float) (x[2 * i + 1] + scale * s[1]);
            }
        };
    }

    @Test
    void theExactSmallNoiseFieldScoresOne() {
        double sigma = 0.05;
        Metrics m = ScoreField.measure(alongScore(MIX, sigma * sigma), MIX, sigma);
        assertEquals(1, m.number(ScoreField.COSINE), 1e-4);
        assertEquals(1, m.number(ScoreField.FIT), 1e-4);
        assertEquals(1, m.number(ScoreField.SCALE), 1e-3);
        Metrics opposite = ScoreField.measure(alongScore(MIX, -2 * sigma * sigma), MIX, sigma);
        assertEquals(-1, opposite.number(ScoreField.COSINE), 1e-4);
        assertEquals(1, opposite.number(ScoreField.FIT), 1e-4, "a negative multiple still fits");
        assertEquals(-2, opposite.number(ScoreField.SCALE), 2e-3);
    }

    @Test
    void theIdentityHasNoField() {
        Metrics m = ScoreField.measure((x, rows, out) -> System.arraycopy(x, 0, out, 0, 2 * rows), MIX, Double.NaN);
        assertEquals(0, m.number(ScoreField.COSINE));
        assertTrue(Double.isNaN(m.number(ScoreField.FIT)));
        assertFalse(m.has(ScoreField.SCALE), "no sigma, no scale");
    }

    @Test
    void theBestDenoiserAtLargerNoiseIsCloseButShorter() {
        double sigma = 0.05;
        Metrics m = ScoreField.measure(alongScore(MIX.smoothed(sigma), sigma * sigma), MIX, sigma);
        double cos = m.number(ScoreField.COSINE);
        assertTrue(cos > 0.9 && cos < 1, "cosine " + cos);
        double scale = m.number(ScoreField.SCALE);
        assertTrue(scale > 0.3 && scale < 1, "scale " + scale);
    }

    @Test
    void aConstantFieldAgainstADirectComputation() {
        // d = (0.01, -0.02) everywhere: recompute the kept grid, cosines and the fit by hand
        double du = 0.01;
        double dv = -0.02;
        Metrics m = ScoreField.measure((x, rows, out) -> {
            for (int i = 0; i < rows; i++) {
                out[2 * i] = x[2 * i] + (float) du;
                out[2 * i + 1] = x[2 * i + 1] + (float) dv;
            }
        }, MIX, 0.1);
        int g = ScoreField.GRID;
        double max = 0;
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                max = Math.max(max, MIX.density((i + 0.5) / g, (j + 0.5) / g));
            }
        }
        int n = 0;
        double cos = 0;
        double ds = 0;
        double ss = 0;
        double[] s = new double[2];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                float px = (float) ((i + 0.5) / g);
                float py = (float) ((j + 0.5) / g);
                if (MIX.density((i + 0.5) / g, (j + 0.5) / g) < ScoreField.MIN_RELATIVE_DENSITY * max) {
                    continue;
                }
                n++;
                MIX.score(px, py, s);
                double eu = (px + (float) du) - px;
                double ev = (py + (float) dv) - py;
                cos += (eu * s[0] + ev * s[1]) / (Math.hypot(eu, ev) * Math.hypot(s[0], s[1]));
                ds += eu * s[0] + ev * s[1];
                ss += s[0] * s[0] + s[1] * s[1];
            }
        }
        assertTrue(n > 50 && n < g * g, "kept " + n);
        assertEquals(n, m.number(ScoreField.POINTS));
        assertEquals(cos / n, m.number(ScoreField.COSINE), 1e-9);
        double a = ds / ss;
        double res = 0;
        double dd = 0;
        List<Double> x = m.list(ScoreField.FIELD_X);
        List<Double> y = m.list(ScoreField.FIELD_Y);
        List<Double> u = m.list(ScoreField.FIELD_U);
        List<Double> v = m.list(ScoreField.FIELD_V);
        assertEquals(n, x.size());
        for (int k = 0; k < n; k++) {
            MIX.score(x.get(k), y.get(k), s);
            assertEquals(s[0], m.list(ScoreField.SCORE_U).get(k), 1e-12);
            assertEquals(s[1], m.list(ScoreField.SCORE_V).get(k), 1e-12);
            res += Math.pow(u.get(k) - a * s[0], 2) + Math.pow(v.get(k) - a * s[1], 2);
            dd += u.get(k) * u.get(k) + v.get(k) * v.get(k);
        }
        assertEquals(1 - res / dd, m.number(ScoreField.FIT), 1e-9);
        assertEquals(a / 0.01, m.number(ScoreField.SCALE), 1e-9);
    }

    @Test
    void noiseSigmaReadsGaussianCorruptions() {
        assertEquals(0.1, ScoreField.noiseSigma("additive:0.1"));
        assertEquals(0.3, ScoreField.noiseSigma("gaussian:0.3"));
        assertTrue(Double.isNaN(ScoreField.noiseSigma("mask:0.3")));
        assertTrue(Double.isNaN(ScoreField.noiseSigma("none")));
        assertTrue(Double.isNaN(ScoreField.noiseSigma(null)));
    }
}
