package dev.aebench.analysis;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * The eigenvalues (no eigenvectors) of a real symmetric matrix: Householder reduction to
 * tridiagonal form, then the implicit QL method (the eigenvalue halves of EISPACK's tred2 and
 * tql2, as in JAMA). About {@code 4/3 n^3} flops, a fraction of a full decomposition with
 * vectors (Commons Math's {@code EigenDecomposition} accumulates them always), which is what
 * makes a 256 x 256 spectrum per test point affordable.
 */
final class SymmetricEigenvalues {
    private static final double EPS = Math.ulp(1.0);
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_256;

    private SymmetricEigenvalues() {
    }

    /** Eigenvalues of the symmetric {@code n x n} row-major {@code a} (only its lower triangle is read), ascending. */
    static double[] of(double[] a, int n) {
        double[] v = new double[n * n]; // the transpose: the reduction's inner loops then run along rows
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                v[j * n + i] = a[i * n + j];
            }
        }
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(v, n, d, e);
        ql(d, e, n);
        Arrays.sort(d);
        return d;
    }

    /** Householder reduction of {@code v} (overwritten); leaves the diagonal in d and the subdiagonal in e[1..n). */
    private static void tridiagonalize(double[] v, int n, double[] d, double[] e) {
        for (int j = 0; j < n; j++) {
            d[j] = v[j * n + (n - 1)];
        }
        for (int i = n - 1; i > 0; i--) {
            double scale = 0;
            double h = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = v[j * n + (i - 1)];
                    v[j * n + i] = 0;
                    v[i * n + j] = 0;
                }
                continue;
            }
            for (int k = 0; k < i; k++) {
                d[k] /= scale;
                h += d[k] * d[k];
            }
            double f = d[i - 1];
            double g = Math.sqrt(h);
            if (f > 0) {
                g = -g;
            }
            e[i] = scale * g;
            h -= f * g;
            d[i - 1] = f - g;
            for (int j = 0; j < i; j++) {
                e[j] = 0;
            }
            for (int j = 0; j < i; j++) {
                f = d[j];
                int row = j * n;
                e[j] = e[j] + v[row + j] * f + dotAndAxpy(v, row, d, e, f, j + 1, i);
            }
            f = 0;
            for (int j = 0; j < i; j++) {
                e[j] /= h;
                f += e[j] * d[j];
            }
            double hh = f / (h + h);
            for (int j = 0; j < i; j++) {
                e[j] -= hh * d[j];
            }
            for (int j = 0; j < i; j++) {
                rankTwo(v, j * n, d[j], e[j], e, d, j, i);
                d[j] = v[j * n + (i - 1)];
                v[j * n + i] = 0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = v[j * n + j];
        }
        e[0] = 0;
    }

    /**
     * The dot product of {@code v[row + from .. row + to)} with {@code d[from .. to)}, while adding
     * that row times {@code f} into {@code e[from .. to)}: the symmetric matrix-vector product's
     * inner step. Four-lane vectors (the same lanes, so the same sums, on every CPU), then a scalar tail.
     */
    private static double dotAndAxpy(double[] v, int row, double[] d, double[] e, double f, int from, int to) {
        DoubleVector acc = DoubleVector.zero(LANES);
        DoubleVector fv = DoubleVector.broadcast(LANES, f);
        int k = from;
        for (int end = to - LANES.length(); k <= end; k += LANES.length()) {
            DoubleVector vv = DoubleVector.fromArray(LANES, v, row + k);
            acc = vv.fma(DoubleVector.fromArray(LANES, d, k), acc);
            vv.fma(fv, DoubleVector.fromArray(LANES, e, k)).intoArray(e, k);
        }
        double g = acc.reduceLanes(VectorOperators.ADD);
        for (; k < to; k++) {
            g += v[row + k] * d[k];
            e[k] += v[row + k] * f;
        }
        return g;
    }

    /** {@code v[row + k] -= f e[k] + g d[k]} for k in {@code [from, to)}: the reduction's rank-two update of one row. */
    private static void rankTwo(double[] v, int row, double f, double g, double[] e, double[] d, int from, int to) {
        DoubleVector fv = DoubleVector.broadcast(LANES, f);
        DoubleVector gv = DoubleVector.broadcast(LANES, g);
        int k = from;
        for (int end = to - LANES.length(); k <= end; k += LANES.length()) {
            DoubleVector ev = DoubleVector.fromArray(LANES, e, k).mul(fv);
            DoubleVector update = DoubleVector.fromArray(LANES, d, k).fma(gv, ev);
            DoubleVector.fromArray(LANES, v, row + k).sub(update).intoArray(v, row + k);
        }
        for (; k < to; k++) {
            v[row + k] -= f * e[k] + g * d[k];
        }
    }

    /** Implicit QL iterations on the tridiagonal (d, e[1..n)); leaves the eigenvalues in d. */
    private static void ql(double[] d, double[] e, int n) {
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        double f = 0;
        double tst1 = 0;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n) {
                if (Math.abs(e[m]) <= EPS * tst1) {
                    break;
                }
                m++;
            }
            if (m > l) {
                do {
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0;
                    double s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > EPS * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }
}
