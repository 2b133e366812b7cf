package dev.aebench.analysis.score;

import dev.aebench.core.data.PlaneMixture;
import dev.aebench.core.metric.Metrics;
import dev.aebench.core.model.Autoencoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a model's displacement field {@code d(x) = r(x) - x} with a mixture's exact score
 * {@code s(x)} at the centres of a {@value #GRID} x {@value #GRID} grid over the unit square,
 * keeping the points whose density is at least {@value #MIN_RELATIVE_DENSITY} of the grid's
 * largest (elsewhere the data says little about the field). Reports the mean cosine between
 * d and s, the least-squares scale {@code a} of {@code d ~ a * sigma^2 * s} (one scale for all
 * points, through the origin) with the fraction of the field's energy it explains,
 * {@code 1 - sum |d - a sigma^2 s|^2 / sum |d|^2}, and the field itself as lists.
 */
public final class ScoreField {
    public static final int GRID = 25;
    public static final double MIN_RELATIVE_DENSITY = 0.05;

    public static final String COSINE = "score_cosine";
    public static final String FIT = "score_fit";
    public static final String SCALE = "score_scale";
    public static final String POINTS = "score_points";
    public static final String FIELD_X = "field_x";
    public static final String FIELD_Y = "field_y";
    public static final String FIELD_U = "field_u";
    public static final String FIELD_V = "field_v";
    public static final String SCORE_U = "field_score_u";
    public static final String SCORE_V = "field_score_v";

    /** Reconstructions of {@code rows} two-dimensional points into {@code out}. */
    @FunctionalInterface
    public interface Reconstruction {
        void reconstruct(float[] x, int rows, float[] out);
    }

    private ScoreField() {
    }

    /** The grid points kept for a mixture, as x0, y0, x1, y1, ... */
    public static double[] gridPoints(PlaneMixture mixture) {
        double max = 0;
        double[] density = new double[GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                density[i * GRID + j] = mixture.density(centre(j), centre(i));
                max = Math.max(max, density[i * GRID + j]);
            }
        }
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                if (density[i * GRID + j] >= MIN_RELATIVE_DENSITY * max) {
                    kept.add(centre(j));
                    kept.add(centre(i));
                }
            }
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double centre(int k) {
        return (k + 0.5) / GRID;
    }

    /** The field of a trained model with two inputs. */
    public static Metrics measure(Autoencoder model, PlaneMixture mixture, double sigma) {
        if (model.inputDim() != 2) {
            throw new IllegalArgumentException("the score field needs a model of 2 inputs, found " + model.inputDim());
        }
        return measure((x, rows, out) -> {
            float[] codes = new float[rows * model.codeDim()];
            model.encode(x, rows, codes);
            model.decode(codes, rows, out);
        }, mixture, sigma);
    }

    /**
     * The field of any reconstruction; {@code sigma} is the model's Gaussian corruption level, or
     * NaN (or 0) when it has none, in which case {@value #SCALE} is left out.
     */
    public static Metrics measure(Reconstruction r, PlaneMixture mixture, double sigma) {
        double[] pts = gridPoints(mixture);
        int n = pts.length / 2;
        float[] x = new float[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            x[i] = (float) pts[i];
        }
        float[] rec = new float[2 * n];
        r.reconstruct(x, n, rec);
        List<Double> fx = new ArrayList<>(n);
        List<Double> fy = new ArrayList<>(n);
        List<Double> fu = new ArrayList<>(n);
        List<Double> fv = new ArrayList<>(n);
        List<Double> su = new ArrayList<>(n);
        List<Double> sv = new ArrayList<>(n);
        double[] s = new double[2];
        double cosines = 0;
        double ds = 0;
        double ss = 0;
        double dd = 0;
        for (int i = 0; i < n; i++) {
            double px = x[2 * i];
            double py = x[2 * i + 1];
            double du = rec[2 * i] - px;
            double dv = rec[2 * i + 1] - py;
            mixture.score(px, py, s);
            double dot = du * s[0] + dv * s[1];
            double norms = Math.hypot(du, dv) * Math.hypot(s[0], s[1]);
            cosines += norms > 0 ? dot / norms : 0;
            ds += dot;
            ss += s[0] * s[0] + s[1] * s[1];
            dd += du * du + dv * dv;
            fx.add(px);
            fy.add(py);
            fu.add(du);
            fv.add(dv);
            su.add(s[0]);
            sv.add(s[1]);
        }
        double a = ds / ss; // d ~ a * s
        Metrics m = new Metrics();
        m.put(COSINE, n == 0 ? Double.NaN : cosines / n);
        // 1 - sum |d - a s|^2 / sum |d|^2 = (d.s)^2 / (|d|^2 |s|^2) at the least-squares a
        m.put(FIT, dd > 0 ? ds * ds / (dd * ss) : Double.NaN);
        if (sigma > 0 && Double.isFinite(sigma)) {
            m.put(SCALE, a / (sigma * sigma));
        }
        m.put(POINTS, n);
        m.putList(FIELD_X, fx);
        m.putList(FIELD_Y, fy);
        m.putList(FIELD_U, fu);
        m.putList(FIELD_V, fv);
        m.putList(SCORE_U, su);
        m.putList(SCORE_V, sv);
        return m;
    }

    /**
     * The standard deviation of a Gaussian corruption spec ({@code additive:s} or
     * {@code gaussian:s}), or NaN for any other corruption or none.
     */
    public static double noiseSigma(String corruption) {
        if (corruption == null) {
            return Double.NaN;
        }
        for (String part : corruption.split("\\+")) {
            String[] nl = part.split(":", 2);
            if (nl.length == 2 && (nl[0].equals("additive") || nl[0].equals("gaussian"))) {
                try {
                    return Double.parseDouble(nl[1]);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        return Double.NaN;
    }
}
