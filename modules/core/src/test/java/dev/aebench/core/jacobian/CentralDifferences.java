package dev.aebench.core.jacobian;

import java.util.function.Function;

/**
 * Central finite-difference Jacobians of a map {@code float[] -> float[]}, in double, with the
 * input columns whose nudges change a kink signature (which ReLU units are off) marked skipped.
 */
final class CentralDifferences {
    final double[][] jacobian;
    final boolean[] skipped;

    private CentralDifferences(double[][] jacobian, boolean[] skipped) {
        this.jacobian = jacobian;
        this.skipped = skipped;
    }

    static CentralDifferences of(Function<float[], float[]> f, Function<float[], String> kinks, float[] x, float h) {
        float[] base = f.apply(x);
        String signature = kinks.apply(x);
        double[][] j = new double[base.length][x.length];
        boolean[] skipped = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            float[] plus = x.clone();
            float[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            if (!kinks.apply(plus).equals(signature) || !kinks.apply(minus).equals(signature)) {
                skipped[i] = true;
                continue;
            }
            float[] fp = f.apply(plus);
            float[] fm = f.apply(minus);
            double step = (double) plus[i] - minus[i];
            for (int c = 0; c < base.length; c++) {
                j[c][i] = ((double) fp[c] - fm[c]) / step;
            }
        }
        return new CentralDifferences(j, skipped);
    }

    /** Largest {@code |a - fd| / (abs + rel |fd|)} over columns not skipped; passes when <= 1. */
    double worst(float[] analytic, int offset, double abs, double rel) {
        int cols = skipped.length;
        double worst = 0;
        for (int c = 0; c < jacobian.length; c++) {
            for (int i = 0; i < cols; i++) {
                if (!skipped[i]) {
                    double a = analytic[offset + c * cols + i];
                    worst = Math.max(worst, Math.abs(a - jacobian[c][i]) / (abs + rel * Math.abs(jacobian[c][i])));
                }
            }
        }
        return worst;
    }

    int checkedColumns() {
        int n = 0;
        for (boolean s : skipped) {
            n += s ? 0 : 1;
        }
        return n;
    }
}
