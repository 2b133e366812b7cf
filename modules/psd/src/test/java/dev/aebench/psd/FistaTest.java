package dev.aebench.psd;

import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shrink operator by hand, the FISTA steps against a plain double-precision transcription
 * that goes through the residual instead of the Gram matrix, many steps against the exact
 * minimiser by coordinate descent, and the step size against the Gram matrix's top eigenvalue.
 */
class FistaTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final int D = 7;
    private static final int K = 5;
    private static final int ROWS = 3;

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    @Test
    void shrinkByHand() {
        assertEquals(2f, Shrink.apply(3f, 1f));
        assertEquals(-2f, Shrink.apply(-3f, 1f));
        assertEquals(0f, Shrink.apply(0.5f, 1f));
        assertEquals(0f, Shrink.apply(-1f, 1f));
        assertEquals(0f, Shrink.apply(1f, 1f));
        assertEquals(0.25f, Shrink.apply(0.75f, 0.5f));
        assertEquals(-1.5f, Shrink.apply(-1.5f, 0f));
    }

    /** A random problem: unit-norm atoms (rows of dict), inputs x and predictions f. */
    private record Problem(float[] dict, float[] x, float[] f) {
        static Problem random(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] dict = new float[K * D];
            for (int a = 0; a < K; a++) {
                double s = 0;
                for (int i = 0; i < D; i++) {
                    dict[a * D + i] = (float) r.nextGaussian();
                    s += dict[a * D + i] * dict[a * D + i];
                }
                for (int i = 0; i < D; i++) {
                    dict[a * D + i] /= (float) Math.sqrt(s);
                }
            }
            float[] x = new float[ROWS * D];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextDouble();
            }
            float[] f = new float[ROWS * K];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) (0.5 * r.nextGaussian());
            }
            return new Problem(dict, x, f);
        }
    }

    /** FISTA written out from its definition, in doubles, the gradient through the residual h D - x. */
    private static double[] referenceFista(Problem p, double lambda, double alpha, double lip, int steps) {
        double[] h = new double[ROWS * K];
        double[] y = new double[ROWS * K];
        for (int i = 0; i < h.length; i++) {
            h[i] = p.f[i];
            y[i] = p.f[i];
        }
        double t = 1;
        for (int s = 0; s < steps; s++) {
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            double[] next = new double[h.length];
            for (int r = 0; r < ROWS; r++) {
                double[] residual = new double[D];
                for (int i = 0; i < D; i++) {
                    double v = -p.x[r * D + i];
                    for (int a = 0; a < K; a++) {
                        v += y[r * K + a] * p.dict[a * D + i];
                    }
                    residual[i] = v;
                }
                for (int a = 0; a < K; a++) {
                    double g = 0;
                    for (int i = 0; i < D; i++) {
                        g += 2 * residual[i] * p.dict[a * D + i];
                    }
                    g += 2 * alpha * (y[r * K + a] - p.f[r * K + a]);
                    double v = y[r * K + a] - g / lip;
                    double th = lambda / lip;
                    next[r * K + a] = Math.signum(v) * Math.max(Math.abs(v) - th, 0);
                }
            }
            for (int i = 0; i < h.length; i++) {
                y[i] = next[i] + (t - 1) / tNext * (next[i] - h[i]);
                h[i] = next[i];
            }
            t = tNext;
        }
        return h;
    }

    /** The exact minimiser of each row's energy by cyclic coordinate descent, in doubles. */
    private static double[] coordinateDescent(Problem p, double lambda, double alpha, int sweeps) {
        double[] h = new double[ROWS * K];
        for (int r = 0; r < ROWS; r++) {
            for (int sweep = 0; sweep < sweeps; sweep++) {
                for (int j = 0; j < K; j++) {
                    // E(h_j) = a h_j^2 - 2 b h_j + lambda |h_j| + const
                    double a = alpha;
                    double b = alpha * p.f[r * K + j];
                    for (int i = 0; i < D; i++) {
                        double others = p.x[r * D + i];
                        for (int q = 0; q < K; q++) {
                            if (q != j) {
                                others -= h[r * K + q] * p.dict[q * D + i];
                            }
                        }
                        a += p.dict[j * D + i] * p.dict[j * D + i];
                        b += p.dict[j * D + i] * others;
                    }
                    h[r * K + j] = Math.signum(b) * Math.max(Math.abs(b) - lambda / 2, 0) / a;
                }
            }
        }
        return h;
    }

    private static float[] fista(Problem p, double lambda, double alpha, Double lip, int steps) {
        Fista f = new Fista(KERNELS, D, K, ROWS);
        f.prepare(p.dict, 0, alpha, true);
        if (lip != null) {
            f.setLipschitz(lip);
        }
        return f.infer(p.x, p.f, ROWS, p.dict, 0, lambda, alpha, steps).clone();
    }

    @Test
    void stepsMatchTheDefinition() {
        Problem p = Problem.random(3);
        double lip = 9.0;
        for (int steps : new int[] {1, 2, 5, 20}) {
            for (double[] la : new double[][] {{0.3, 1.0}, {0.0, 0.5}, {1.5, 0.0}}) {
                float[] got = fista(p, la[0], la[1], lip, steps);
                double[] want = referenceFista(p, la[0], la[1], lip, steps);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 1e-4, "steps " + steps + ", lambda " + la[0] + ", alpha " + la[1]
                            + ", code " + i);
                }
            }
        }
    }

    @Test
    void manyStepsReachTheMinimiser() {
        Problem p = Problem.random(5);
        int zeros = 0;
        for (double[] la : new double[][] {{0.3, 1.0}, {0.8, 0.2}, {0.05, 0.0}}) {
            float[] got = fista(p, la[0], la[1], null, 3000);
            double[] want = coordinateDescent(p, la[0], la[1], 3000);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 2e-4, "lambda " + la[0] + ", alpha " + la[1] + ", code " + i);
                if (want[i] == 0) {
                    zeros++;
                    assertEquals(0f, got[i], "an exact zero of the minimiser, code " + i);
                }
            }
        }
        assertTrue(zeros > 0, "the problems should have some zero codes");
    }

    @Test
    void stepBoundsTheTopEigenvalue() {
        Problem p = Problem.random(7);
        double[][] g = new double[K][K];
        for (int a = 0; a < K; a++) {
            for (int b = 0; b < K; b++) {
                for (int i = 0; i < D; i++) {
                    g[a][b] += (double) p.dict[a * D + i] * p.dict[b * D + i];
                }
            }
        }
        double[] v = new double[K];
        java.util.Arrays.fill(v, 1);
        v[0] = 2;
        double top = 0;
        for (int it = 0; it < 5000; it++) {
            double[] w = new double[K];
            double n = 0;
            for (int a = 0; a < K; a++) {
                for (int b = 0; b < K; b++) {
                    w[a] += g[a][b] * v[b];
                }
                n += w[a] * w[a];
            }
            top = Math.sqrt(n);
            for (int a = 0; a < K; a++) {
                v[a] = w[a] / top;
            }
        }
        Fista f = new Fista(KERNELS, D, K, ROWS);
        double alpha = 0.7;
        f.prepare(p.dict, 0, alpha, true);
        assertTrue(f.lipschitz() >= 2 * (top + alpha) * (1 - 1e-5), f.lipschitz() + " vs top eigenvalue " + top);
        assertTrue(f.lipschitz() <= 2 * (1.03 * top + alpha), f.lipschitz() + " vs top eigenvalue " + top);
    }
}
