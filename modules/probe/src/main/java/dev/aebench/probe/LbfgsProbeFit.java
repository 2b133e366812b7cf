package dev.aebench.probe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Minimises a {@link SoftmaxObjective} from W = 0 by L-BFGS (history {@value #HISTORY}) whose
 * initial inverse-Hessian estimate is {@code gamma * M^-1}, M the design's {@link SecondMoment}
 * and gamma the usual secant scale {@code s.y / y.M^-1 y}. Each step costs two GEMMs (the
 * direction's scores and the gradient); the line search works on the scores alone with f, f'
 * and f'' along the line, where the objective is convex: safeguarded Newton steps on the step
 * length inside a bracket until the strong Wolfe conditions hold (c1 = 1e-4, c2 =
 * {@value #CURVATURE}). The first step's length is the Newton step along the line.
 *
 * <p>Stops when the largest gradient entry is below {@code gradientTolerance}, when the last
 * {@value #WINDOW} steps together lowered f by less than {@code WINDOW * relativeDecrease * |f|}
 * (f falls by less than that fraction per step; it uses no held-out data), or after
 * {@code maxIterations} steps.
 */
final class LbfgsProbeFit {
    static final int HISTORY = 10;
    static final double CURVATURE = 0.9;
    /** Steps over which the decrease of f is judged. */
    static final int WINDOW = 5;
    private static final double SUFFICIENT_DECREASE = 1e-4;
    private static final int LINE_TRIALS = 20;

    /** How a fit ended. */
    record Outcome(double[] weights, double value, double gradientMax, int iterations, String stop) {
    }

    private LbfgsProbeFit() {
    }

    static Outcome minimise(SoftmaxObjective f, SecondMoment preconditioner, int maxIterations,
                            double gradientTolerance, double relativeDecrease) {
        int size = f.size();
        SoftmaxObjective.Line here = f.along(0);
        double value = here.value();
        double[] g = f.gradient();
        Deque<double[][]> history = new ArrayDeque<>(); // {s, y, {1 / s.y}}, newest first
        double gamma = 1.0;
        double[] values = new double[maxIterations + 1];
        values[0] = value;
        int iteration = 0;
        String stop = "iterations";
        while (true) {
            double gmax = maxAbs(g);
            if (gmax <= gradientTolerance) {
                stop = "gradient";
                break;
            }
            if (iteration >= maxIterations) {
                break;
            }
            double[] v = twoLoop(g, history, preconditioner, gamma);
            for (int k = 0; k < size; k++) {
                v[k] = -v[k];
            }
            if (!(dot(g, v) < 0)) { // not a descent direction (rounding): restart from the preconditioner
                history.clear();
                v = preconditioner.solve(g);
                for (int k = 0; k < size; k++) {
                    v[k] = -v[k];
                }
                if (!(dot(g, v) < 0)) {
                    stop = "no descent";
                    break;
                }
            }
            f.direction(v);
            // f and f' at 0 are known; f'' only matters for the first step's length
            SoftmaxObjective.Line start = history.isEmpty() ? f.along(0)
                    : new SoftmaxObjective.Line(0, value, dot(g, v), Double.NaN);
            double first = history.isEmpty() ? -start.slope() / start.curvature() : 1.0;
            SoftmaxObjective.Line accepted = lineSearch(f, start, first);
            if (accepted == null) {
                stop = "line search";
                f.along(0); // leave the residual at the current point
                break;
            }
            f.move(accepted.alpha());
            double[] gNew = f.gradient();
            double[] s = new double[size];
            double[] y = new double[size];
            double sy = 0;
            for (int k = 0; k < size; k++) {
                s[k] = accepted.alpha() * v[k];
                y[k] = gNew[k] - g[k];
                sy += s[k] * y[k];
            }
            if (sy > 1e-12 * norm(s) * norm(y)) {
                history.addFirst(new double[][] {s, y, {1.0 / sy}});
                if (history.size() > HISTORY) {
                    history.removeLast();
                }
                double[] my = preconditioner.solve(y);
                gamma = sy / dot(y, my);
            }
            value = accepted.value();
            g = gNew;
            iteration++;
            values[iteration] = value;
            if (iteration >= WINDOW
                    && values[iteration - WINDOW] - value <= WINDOW * relativeDecrease * Math.abs(value)) {
                stop = "decrease";
                break;
            }
        }
        return new Outcome(f.weights(), value, maxAbs(g), iteration, stop);
    }

    /** Safeguarded Newton on the convex line function; null when no step satisfies strong Wolfe. */
    private static SoftmaxObjective.Line lineSearch(SoftmaxObjective f, SoftmaxObjective.Line start, double first) {
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double alpha = first > 0 && Double.isFinite(first) ? first : 1.0;
        for (int trial = 0; trial < LINE_TRIALS; trial++) {
            SoftmaxObjective.Line at = f.along(alpha);
            boolean armijo = at.value() <= start.value() + SUFFICIENT_DECREASE * alpha * start.slope();
            if (armijo && Math.abs(at.slope()) <= CURVATURE * Math.abs(start.slope())) {
                return at;
            }
            if (!armijo || at.slope() > 0) {
                hi = alpha;
            } else {
                lo = alpha;
            }
            double next = at.curvature() > 0 ? alpha - at.slope() / at.curvature() : Double.NaN;
            if (!(next > lo && next < hi) || !Double.isFinite(next)) {
                next = Double.isInfinite(hi) ? 2 * alpha : 0.5 * (lo + hi);
            }
            if (!armijo && !(next < alpha)) {
                next = 0.5 * (lo + alpha);
            }
            alpha = next;
        }
        return null;
    }

    private static double[] twoLoop(double[] g, Deque<double[][]> history, SecondMoment m, double gamma) {
        double[] q = g.clone();
        double[] a = new double[history.size()];
        int i = 0;
        for (double[][] pair : history) {
            a[i] = pair[2][0] * dot(pair[0], q);
            axpy(-a[i], pair[1], q);
            i++;
        }
        double[] r = m.solve(q);
        for (int k = 0; k < r.length; k++) {
            r[k] *= gamma;
        }
        Iterator<double[][]> oldestFirst = history.descendingIterator();
        i = history.size() - 1;
        while (oldestFirst.hasNext()) {
            double[][] pair = oldestFirst.next();
            double b = pair[2][0] * dot(pair[1], r);
            axpy(a[i] - b, pair[0], r);
            i--;
        }
        return r;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * y[k];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < x.length; k++) {
            y[k] += a * x[k];
        }
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
