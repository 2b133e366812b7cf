package dev.aebench.core.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static dev.aebench.core.kernel.GemmTest.assertArrayEqualsBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The element-wise kernels of every implementation against double-precision references, with
 * sizes both below and above the parallel threshold (2^15 elements) and not multiples of the
 * vector width.
 */
class ElementwiseKernelsTest {

    private static List<Kernels> kernels;
    private static ScalarKernels scalar;
    private static VectorKernels vector;

    /** Small and odd, and large enough to be split over the team. */
    private static final int[] SIZES = {1, 15, 17, 1000, 40_003};

    @BeforeAll
    static void start() {
        scalar = new ScalarKernels(1);
        vector = new VectorKernels(2);
        kernels = List.of(new VectorKernels(1), vector, scalar, new ScalarKernels(2));
    }

    @AfterAll
    static void stop() {
        kernels.forEach(Kernels::close);
    }

    private static float[] random(int n, double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(lo, hi);
        }
        return x;
    }

    private static void near(double expected, double actual, double abs, double rel, String what) {
        double err = Math.abs(expected - actual);
        if (!(err <= abs + rel * Math.abs(expected))) {
            fail(what + ": expected " + expected + ", got " + actual + " (error " + err + ")");
        }
    }

    private static double activation(Activation act, double z) {
        return switch (act) {
            case IDENTITY -> z;
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-z));
            case RELU -> Math.max(z, 0.0);
            case TANH -> Math.tanh(z);
        };
    }

    @Test
    void biasActivationEveryActivation() {
        int[][] shapes = {{1, 1}, {3, 7}, {5, 16}, {4, 33}, {9, 100}, {300, 129}};
        for (Activation act : Activation.values()) {
            for (int[] s : shapes) {
                int rows = s[0];
                int cols = s[1];
                float[] z0 = random(rows * cols + 5, -6, 6, rows * 31L + cols);
                float[] bias = random(cols + 3, -1, 1, cols);
                for (Kernels k : kernels) {
                    float[] z = z0.clone();
                    k.biasActivation(act, z, rows, cols, bias, 3);
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < cols; j++) {
                            int i = r * cols + j;
                            double expected = activation(act, (double) (z0[i] + bias[3 + j]));
                            near(expected, z[i], 2e-6, 2e-6, k.name() + "/" + k.threads() + " " + act + " " + rows + "x"
                                    + cols + " [" + r + "," + j + "]");
                        }
                    }
                    for (int i = rows * cols; i < z.length; i++) {
                        assertEquals(z0[i], z[i], "wrote past rows x cols");
                    }
                }
            }
        }
    }

    @Test
    void biasActivationAtExtremes() {
        float[] values = {-1000f, -100f, -88.5f, -87.5f, -30f, -9f, -1e-3f, -1e-6f, 0f, -0f, 1e-6f, 1e-3f, 0.5f, 9f, 30f,
                87.5f, 88.5f, 100f, 1000f, Float.MAX_VALUE, -Float.MAX_VALUE};
        int cols = 16 * 3; // whole vectors, so the vector path handles every value
        float[] z0 = new float[cols];
        for (int j = 0; j < cols; j++) {
            z0[j] = values[j % values.length];
        }
        float[] bias = new float[cols];
        for (Activation act : Activation.values()) {
            for (Kernels k : kernels) {
                float[] z = z0.clone();
                k.biasActivation(act, z, 1, cols, bias, 0);
                for (int j = 0; j < cols; j++) {
                    double expected = activation(act, z0[j]);
                    String what = k.name() + " " + act + "(" + z0[j] + ")";
                    if (act == Activation.SIGMOID || act == Activation.TANH) {
                        assertTrue(Float.isFinite(z[j]), what + " is finite");
                        near(expected, z[j], 2e-7, 2e-6, what);
                    } else {
                        assertEquals((float) expected, z[j], 0f, what);
                    }
                }
            }
        }
    }

    @Test
    void activationDerivativesFromOutput() {
        for (Activation act : Activation.values()) {
            for (double z : new double[] {-3, -0.5, 0.25, 2}) {
                double y = activation(act, z);
                double h = 1e-6;
                double numeric = (activation(act, z + h) - activation(act, z - h)) / (2 * h);
                near(numeric, act.derivativeFromOutput((float) y), 1e-6, 1e-5, act + " derivative at " + z);
                near(y, act.apply((float) z), 1e-7, 1e-6, act + " apply at " + z);
            }
        }
        for (Activation act : Activation.values()) {
            for (float y : new float[] {0.1f, 0.5f, 0.8f}) {
                float h = 1e-3f;
                double numeric = (act.derivativeFromOutput(y + h) - act.derivativeFromOutput(y - h)) / (2.0 * h);
                near(numeric, act.derivativeFromOutputSlope(y), 1e-3, 1e-3, act + " slope of the derivative at y=" + y);
            }
        }
        assertEquals(0f, Activation.RELU.derivativeFromOutput(0f), "relu derivative at a zero output");
        assertEquals(Activation.TANH, Activation.parse(" Tanh "));
        assertEquals(null, Activation.parse("elu"));
    }

    @Test
    void activationBackwardEveryActivation() {
        for (Activation act : Activation.values()) {
            for (int n : SIZES) {
                float[] z = random(n, -4, 4, n);
                float[] y = new float[n];
                for (int i = 0; i < n; i++) {
                    y[i] = act.apply(z[i]);
                }
                if (act == Activation.RELU && n > 3) {
                    y[1] = 0f; // exactly zero outputs have zero derivative
                }
                float[] g0 = random(n, -1, 1, n + 7L);
                for (Kernels k : kernels) {
                    float[] g = g0.clone();
                    k.activationBackward(act, y, g, n);
                    for (int i = 0; i < n; i++) {
                        double yi = y[i];
                        double d = switch (act) {
                            case IDENTITY -> 1;
                            case SIGMOID -> yi * (1 - yi);
                            case RELU -> yi > 0 ? 1 : 0;
                            case TANH -> 1 - yi * yi;
                        };
                        near(g0[i] * d, g[i], 1e-7, 1e-6, k.name() + " " + act + " n=" + n + " at " + i);
                    }
                }
            }
        }
    }

    @Test
    void columnSumsOverwriteAndAccumulate() {
        int[][] shapes = {{1, 1}, {7, 13}, {3, 16}, {20, 37}, {512, 100}, {129, 300}};
        for (int[] s : shapes) {
            int rows = s[0];
            int cols = s[1];
            float[] a = random(rows * cols, -1, 1, rows + 100L * cols);
            float[] out0 = random(cols + 8, -1, 1, cols);
            double[] ref = new double[cols];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++) {
                    ref[j] += a[r * cols + j];
                }
            }
            float[] scalarOut = null;
            for (Kernels k : kernels) {
                for (boolean acc : new boolean[] {false, true}) {
                    float[] out = out0.clone();
                    k.columnSums(a, rows, cols, out, 4, acc);
                    for (int j = 0; j < cols; j++) {
                        double expected = ref[j] + (acc ? out0[4 + j] : 0);
                        near(expected, out[4 + j], 1e-6 * rows, 0, k.name() + " " + rows + "x" + cols + " acc=" + acc
                                + " col " + j);
                    }
                    for (int i = 0; i < 4; i++) {
                        assertEquals(out0[i], out[i], "wrote before the offset");
                    }
                    for (int i = 4 + cols; i < out.length; i++) {
                        assertEquals(out0[i], out[i], "wrote past the columns");
                    }
                    if (acc) {
                        // summed in row order: the vector kernels give the scalar bits exactly
                        if (k == scalar) {
                            scalarOut = out;
                        }
                    }
                }
            }
            float[] vectorOut = out0.clone();
            vector.columnSums(a, rows, cols, vectorOut, 4, true);
            assertArrayEqualsBits(scalarOut, vectorOut, "vector vs scalar column sums " + rows + "x" + cols);
        }
    }

    /** Mean loss and d(mean loss)/dy in double. */
    private static double referenceLoss(LossKind kind, float[] y, float[] t, int n, double[] grad) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double yi = y[i];
            double ti = t[i];
            if (kind == LossKind.MSE) {
                s += (yi - ti) * (yi - ti);
                grad[i] = 2 * (yi - ti) / n;
            } else {
                double p = Math.min(Math.max(yi, 1e-7), 1 - 1e-7);
                s -= ti * Math.log(p) + (1 - ti) * Math.log(1 - p);
                grad[i] = (p - ti) / (p * (1 - p)) / n;
            }
        }
        return s / n;
    }

    @Test
    void lossValueAndGradient() {
        for (LossKind kind : LossKind.values()) {
            for (int n : SIZES) {
                float[] y = random(n, 0.02, 0.98, n * 3L);
                float[] t = random(n, 0, 1, n * 5L);
                if (n > 10) {
                    t[0] = 0;
                    t[1] = 1;
                }
                double[] g = new double[n];
                double expected = referenceLoss(kind, y, t, n, g);
                for (Kernels k : kernels) {
                    String what = k.name() + "/" + k.threads() + " " + kind + " n=" + n;
                    float[] grad = new float[n];
                    double value = k.loss(kind, y, t, n, grad, 0.5f);
                    near(expected, value, 1e-9, 1e-6, what + " value");
                    double gmax = 0;
                    for (double gi : g) {
                        gmax = Math.max(gmax, Math.abs(gi));
                    }
                    for (int i = 0; i < n; i++) {
                        near(0.5 * g[i], grad[i], 1e-6 * gmax, 1e-5, what + " gradient at " + i);
                    }
                    assertEquals(value, k.loss(kind, y, t, n, null, 1f), 0.0, what + ": value without gradient");
                }
            }
        }
    }

    @Test
    void bceClampsPredictions() {
        float[] y = {0f, 1f, 0.5f};
        float[] t = {1f, 0f, 0.5f};
        for (Kernels k : kernels) {
            float[] grad = new float[3];
            double value = k.loss(LossKind.BCE, y, t, 3, grad, 1f);
            assertTrue(Double.isFinite(value), "clamped BCE is finite");
            // predictions clamped to the float values 1e-7f and 1f - 1e-7f
            double lo = 1e-7f;
            double hi = 1f - 1e-7f;
            near((-Math.log(lo) - Math.log(1 - hi) + Math.log(2)) / 3, value, 1e-5, 1e-5, "clamped BCE value");
            for (float g : grad) {
                assertTrue(Float.isFinite(g), "clamped BCE gradient is finite");
            }
            assertTrue(grad[0] < 0 && grad[1] > 0, "gradients point towards the targets");
            assertEquals(0f, grad[2], 1e-6f);
        }
    }

    @Test
    void sigmoidOutputLossIsTheChainRule() {
        for (LossKind kind : LossKind.values()) {
            for (int n : SIZES) {
                float[] z = random(n, -4, 4, n * 11L);
                float[] y = new float[n];
                for (int i = 0; i < n; i++) {
                    y[i] = Activation.SIGMOID.apply(z[i]);
                }
                float[] t = random(n, 0, 1, n * 13L);
                double[] g = new double[n];
                double expected = referenceLoss(kind, y, t, n, g);
                for (Kernels k : kernels) {
                    String what = k.name() + "/" + k.threads() + " " + kind + " n=" + n;
                    float[] gz = new float[n];
                    double value = k.sigmoidOutputLoss(kind, y, t, n, gz, 2f);
                    near(expected, value, 1e-9, 1e-6, what + " value");
                    // the same as the loss gradient times sigmoid'(z) = y (1 - y)
                    float[] gy = new float[n];
                    double plain = k.loss(kind, y, t, n, gy, 2f);
                    near(plain, value, 1e-12, 1e-12, what + " value equals loss()");
                    double gmax = 0;
                    for (int i = 0; i < n; i++) {
                        gmax = Math.max(gmax, Math.abs(2 * g[i] * y[i] * (1.0 - y[i])));
                    }
                    for (int i = 0; i < n; i++) {
                        double chain = 2 * g[i] * y[i] * (1.0 - y[i]);
                        near(chain, gz[i], 1e-5 * gmax, 1e-4, what + " dL/dz at " + i);
                        near((double) gy[i] * y[i] * (1 - y[i]), gz[i], 1e-5 * gmax, 1e-4, what + " kernel chain at " + i);
                    }
                }
            }
        }
    }

    @Test
    void adamMatchesPyTorchFormula() {
        float lr = 1e-2f;
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        float eps = 1e-8f;
        for (int len : new int[] {1, 17, 1000, 40_000}) {
            int off = 3;
            int total = off + len + 5;
            float[] p0 = random(total, -1, 1, len);
            for (Kernels k : kernels) {
                float[] p = p0.clone();
                float[] m = new float[total];
                float[] v = new float[total];
                double[] rp = new double[total];
                double[] rm = new double[total];
                double[] rv = new double[total];
                for (int i = 0; i < total; i++) {
                    rp[i] = p0[i];
                }
                for (int step = 1; step <= 6; step++) {
                    float[] g = random(total, -1, 1, 1000L * step + len);
                    if (len > 2) {
                        g[off] = 0f;                   // a zero gradient from the start
                        g[off + 1] = step * 1e-3f;     // a tiny one
                    }
                    float[] gIn = g.clone();
                    k.adam(p, g, m, v, off, len, lr, beta1, beta2, eps, step);
                    for (int i = 0; i < total; i++) {
                        // the consumed gradients are left zeroed, the rest untouched
                        assertEquals(i < off || i >= off + len ? gIn[i] : 0f, g[i], "gradient after adam at " + i);
                    }
                    g = gIn;
                    double bc1 = 1 - Math.pow(beta1, step);
                    double bc2 = 1 - Math.pow(beta2, step);
                    for (int i = off; i < off + len; i++) {
                        rm[i] = beta1 * rm[i] + (1 - beta1) * (double) g[i];
                        rv[i] = beta2 * rv[i] + (1 - beta2) * (double) g[i] * g[i];
                        double denom = Math.sqrt(rv[i]) / Math.sqrt(bc2) + eps;
                        rp[i] -= lr / bc1 * rm[i] / denom;
                    }
                    for (int i = 0; i < total; i++) {
                        String what = k.name() + "/" + k.threads() + " len " + len + " step " + step + " at " + i;
                        if (i < off || i >= off + len) {
                            assertEquals(p0[i], p[i], what + ": outside the range");
                            assertEquals(0f, m[i], what + ": outside the range");
                            continue;
                        }
                        near(rm[i], m[i], 1e-7, 1e-5, what + " m");
                        near(rv[i], v[i], 1e-9, 1e-5, what + " v");
                        near(rp[i], p[i], 2e-6, 1e-6, what + " param");
                    }
                }
                if (len > 2) {
                    assertEquals(p0[off], p[off], "a parameter that never had a gradient does not move");
                }
            }
        }
    }

    @Test
    void noiseIsAPureFunctionOfSeedAndIndex() {
        int n = 100_000;
        long seed = 1234567L;
        float[] refG = new float[n + 3];
        float[] refU = new float[n + 3];
        scalar.gaussian(seed, refG, 3, n);
        scalar.uniform(seed, refU, 3, n);
        for (int i = 0; i < n; i += 997) {
            assertEquals(CounterRandom.gaussian(seed, i), refG[3 + i], "gaussian value i is gaussian(seed, i)");
            assertEquals(CounterRandom.uniform(seed, i), refU[3 + i], "uniform value i is uniform(seed, i)");
        }
        assertEquals(0f, refG[0]);
        for (Kernels k : kernels) {
            float[] g = new float[n + 3];
            float[] u = new float[n + 3];
            k.gaussian(seed, g, 3, n);
            k.uniform(seed, u, 3, n);
            assertArrayEqualsBits(refG, g, k.name() + "/" + k.threads() + " gaussian independent of threads");
            assertArrayEqualsBits(refU, u, k.name() + "/" + k.threads() + " uniform independent of threads");
            k.gaussian(seed, g, 3, n);
            assertArrayEqualsBits(refG, g, "gaussian repeatable");
        }
        // a prefix is the same numbers; another seed is a different stream
        float[] shortG = new float[50];
        vector.gaussian(seed, shortG, 0, 50);
        for (int i = 0; i < 50; i++) {
            assertEquals(refG[3 + i], shortG[i]);
        }
        float[] other = new float[50];
        vector.gaussian(seed + 1, other, 0, 50);
        assertNotEquals(shortG[0], other[0]);
        int same = 0;
        for (int i = 0; i < 50; i++) {
            same += shortG[i] == other[i] ? 1 : 0;
        }
        assertTrue(same < 3, "different seeds give different streams");
        assertNotEquals(CounterRandom.derive(seed, 1), CounterRandom.derive(seed, 2));
    }

    @Test
    void noiseHasTheRightMoments() {
        int n = 100_000;
        float[] g = new float[n];
        float[] u = new float[n];
        vector.gaussian(42, g, 0, n);
        vector.uniform(42, u, 0, n);
        double gs = 0;
        double gss = 0;
        double us = 0;
        double uss = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(Float.isFinite(g[i]));
            assertTrue(u[i] >= 0f && u[i] < 1f, "uniform in [0,1)");
            gs += g[i];
            gss += (double) g[i] * g[i];
            us += u[i];
            uss += (double) u[i] * u[i];
        }
        double gm = gs / n;
        double gv = gss / n - gm * gm;
        double um = us / n;
        double uv = uss / n - um * um;
        // standard errors: 0.0032 for the gaussian mean, 0.0045 for its variance, 0.0009 / 0.0002 for uniform
        assertEquals(0.0, gm, 0.02, "gaussian mean");
        assertEquals(1.0, gv, 0.03, "gaussian variance");
        assertEquals(0.5, um, 0.005, "uniform mean");
        assertEquals(1.0 / 12, uv, 0.002, "uniform variance");
        // tails: about 4.55% of a standard normal lies beyond 2 sigma
        int beyond2 = 0;
        for (float x : g) {
            beyond2 += Math.abs(x) > 2 ? 1 : 0;
        }
        assertEquals(0.0455, beyond2 / (double) n, 0.004, "gaussian tail mass");
    }

    @Test
    void vectorAgreesWithScalar() {
        int rows = 37;
        int cols = 53;
        int n = rows * cols;
        float[] z = random(n, -3, 3, 9);
        float[] bias = random(cols, -1, 1, 10);
        float[] y = random(n, 0.05, 0.95, 11);
        float[] t = random(n, 0, 1, 12);
        for (Activation act : Activation.values()) {
            float[] zs = z.clone();
            float[] zv = z.clone();
            scalar.biasActivation(act, zs, rows, cols, bias, 0);
            vector.biasActivation(act, zv, rows, cols, bias, 0);
            for (int i = 0; i < n; i++) {
                near(zs[i], zv[i], 1e-6, 1e-6, act + " vector vs scalar at " + i);
            }
        }
        for (LossKind kind : LossKind.values()) {
            float[] gs = new float[n];
            float[] gv = new float[n];
            double ls = scalar.sigmoidOutputLoss(kind, y, t, n, gs, 1f);
            double lv = vector.sigmoidOutputLoss(kind, y, t, n, gv, 1f);
            near(ls, lv, 1e-9, 1e-6, kind + " vector vs scalar loss");
            for (int i = 0; i < n; i++) {
                near(gs[i], gv[i], 1e-12, 1e-5, kind + " vector vs scalar gradient at " + i);
            }
        }
    }
}
