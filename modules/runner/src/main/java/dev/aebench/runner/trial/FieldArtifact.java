package dev.aebench.runner.trial;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.PlaneMixture;
import dev.aebench.core.data.SyntheticPlane;
import dev.aebench.core.model.Autoencoder;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The displacement field {@code r(x) - x} of a model on two-dimensional data, for the report's
 * quiver plot: the reconstruction of the centres of a {@value #GRID} x {@value #GRID} grid over
 * the square around the test points' bounding box (its side the longer of the box's, widened by
 * {@value #MARGIN} of it on each side, so that arrows keep their directions on square panels),
 * rows of the grid bottom to top, points left to right; for {@code synthetic:mixture}, the exact score
 * {@code d log p / dx} at the same points; and the first {@value #DATA_POINTS} test points, drawn
 * beneath. Numbers are rounded to 5 significant digits (about 20 KB in all).
 */
final class FieldArtifact {
    static final int GRID = 20;
    static final double MARGIN = 0.05;
    static final int DATA_POINTS = 300;

    private FieldArtifact() {
    }

    /** The field of {@code model} over {@code test}'s points, or null unless both have two dimensions. */
    static Map<String, Object> capture(Autoencoder model, Dataset test) {
        if (test.dim() != 2 || model.inputDim() != 2 || test.size() == 0) {
            return null;
        }
        float[] x = test.x();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < test.size(); i++) {
            minX = Math.min(minX, x[2 * i]);
            maxX = Math.max(maxX, x[2 * i]);
            minY = Math.min(minY, x[2 * i + 1]);
            maxY = Math.max(maxY, x[2 * i + 1]);
        }
        double half = Math.max(Math.max(maxX - minX, maxY - minY), 1e-6) * (0.5 + MARGIN);
        double x0 = round5((minX + maxX) / 2 - half);
        double x1 = round5((minX + maxX) / 2 + half);
        double y0 = round5((minY + maxY) / 2 - half);
        double y1 = round5((minY + maxY) / 2 + half);
        int n = GRID * GRID;
        float[] points = new float[2 * n];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                points[2 * (i * GRID + j)] = (float) centre(x0, x1, j);
                points[2 * (i * GRID + j) + 1] = (float) centre(y0, y1, i);
            }
        }
        float[] codes = new float[n * model.codeDim()];
        model.encode(points, n, codes);
        float[] rec = new float[2 * n];
        model.decode(codes, n, rec);
        double[] u = new double[n];
        double[] v = new double[n];
        for (int p = 0; p < n; p++) {
            u[p] = round5((double) rec[2 * p] - points[2 * p]);
            v[p] = round5((double) rec[2 * p + 1] - points[2 * p + 1]);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grid", GRID);
        m.put("x0", x0);
        m.put("x1", x1);
        m.put("y0", y0);
        m.put("y1", y1);
        m.put("u", u);
        m.put("v", v);
        PlaneMixture mixture = SyntheticPlane.mixtureOf(test);
        if (mixture != null) {
            double[] su = new double[n];
            double[] sv = new double[n];
            double[] s = new double[2];
            for (int p = 0; p < n; p++) {
                mixture.score(points[2 * p], points[2 * p + 1], s);
                su[p] = round5(s[0]);
                sv[p] = round5(s[1]);
            }
            m.put("score_u", su);
            m.put("score_v", sv);
        }
        int shown = Math.min(DATA_POINTS, test.size());
        double[] dx = new double[shown];
        double[] dy = new double[shown];
        for (int i = 0; i < shown; i++) {
            dx[i] = round5(x[2 * i]);
            dy[i] = round5(x[2 * i + 1]);
        }
        m.put("data_x", dx);
        m.put("data_y", dy);
        return m;
    }

    /** The centre of cell {@code k} of {@value #GRID} between {@code lo} and {@code hi}. */
    static double centre(double lo, double hi, int k) {
        return lo + (k + 0.5) * (hi - lo) / GRID;
    }

    static double round5(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return 0;
        }
        return new BigDecimal(v).round(new MathContext(5)).doubleValue();
    }
}
