package dev.aebench.probe;

/**
 * An independent multinomial logistic regression for tests: plain full-batch gradient descent
 * on mean cross-entropy + {@code l2/2 |W|^2} (intercepts unpenalised), in double precision, on
 * codes it standardises itself with the training mean and population sd. Small data only.
 */
final class ReferenceSoftmaxRegression {
    final double[] mean;
    final double[] sd;
    final double[][] weights; // [classes][dim + 1], intercept last
    final double finalGradientNorm;

    ReferenceSoftmaxRegression(LabelledCodes train, int classes, double l2, boolean standardize, double step,
                               int iterations) {
        int n = train.size();
        int d = train.dim();
        mean = new double[d];
        sd = new double[d];
        java.util.Arrays.fill(sd, 1.0);
        if (standardize) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += train.codes()[i * d + j];
                }
                mean[j] = s / n;
                double v = 0;
                for (int i = 0; i < n; i++) {
                    double t = train.codes()[i * d + j] - mean[j];
                    v += t * t;
                }
                sd[j] = Math.sqrt(v / n);
            }
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardized(train.codes(), i);
        }
        weights = new double[classes][d + 1];
        double[][] gradient = new double[classes][d + 1];
        double norm = Double.NaN;
        for (int it = 0; it < iterations; it++) {
            for (double[] g : gradient) {
                java.util.Arrays.fill(g, 0.0);
            }
            for (int i = 0; i < n; i++) {
                double[] p = probabilities(z[i]);
                p[train.labels()[i]] -= 1.0;
                for (int c = 0; c < classes; c++) {
                    for (int j = 0; j < d; j++) {
                        gradient[c][j] += p[c] * z[i][j] / n;
                    }
                    gradient[c][d] += p[c] / n;
                }
            }
            norm = 0;
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j <= d; j++) {
                    double g = gradient[c][j] + (j < d ? l2 * weights[c][j] : 0.0);
                    norm += g * g;
                    weights[c][j] -= step * g;
                }
            }
            norm = Math.sqrt(norm);
        }
        finalGradientNorm = norm;
    }

    double[] standardized(float[] codes, int row) {
        int d = mean.length;
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            z[j] = (codes[row * d + j] - mean[j]) / sd[j];
        }
        return z;
    }

    double[] probabilities(double[] z) {
        int d = z.length;
        double[] s = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < weights.length; c++) {
            double v = weights[c][d];
            for (int j = 0; j < d; j++) {
                v += weights[c][j] * z[j];
            }
            s[c] = v;
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < s.length; c++) {
            s[c] = Math.exp(s[c] - max);
            sum += s[c];
        }
        for (int c = 0; c < s.length; c++) {
            s[c] /= sum;
        }
        return s;
    }

    double accuracy(LabelledCodes test) {
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] p = probabilities(standardized(test.codes(), i));
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            if (best == test.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / test.size();
    }
}
