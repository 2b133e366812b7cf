package dev.aebench.probe;

import dev.aebench.core.kernel.Kernels;

/**
 * A probe fitted by {@link LbfgsProbeFit}: the weights ({@code designCols x width} in
 * standardised code space, row {@code dim} the intercepts, the rest zero padding) of the classes present in training,
 * {@code fitted[c']} naming the class of column c' (columns past {@code fitted.length} are
 * padding). Scores are one GEMM of the design matrix;
 * the prediction is the first class of highest score.
 */
final class LinearScores {
    private final FeatureStandardizer standardizer;
    private final Kernels kernels;
    private final double[] weights;
    private final float[] floatWeights;
    private final int[] fitted;
    private final int width;

    LinearScores(FeatureStandardizer standardizer, Kernels kernels, double[] weights, int width, int[] fitted) {
        this.width = width;
        this.standardizer = standardizer;
        this.kernels = kernels;
        this.weights = weights;
        this.fitted = fitted;
        this.floatWeights = new float[weights.length];
        for (int k = 0; k < weights.length; k++) {
            floatWeights[k] = (float) weights[k];
        }
    }

    int[] predict(float[] codes, int rows) {
        int cols = standardizer.designCols();
        int k = fitted.length;
        int w = width;
        float[] z = standardizer.design(codes, rows);
        float[] s = new float[rows * w];
        kernels.gemm(false, false, rows, w, cols, z, 0, cols, floatWeights, 0, w, false, s, 0, w);
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (s[i * w + c] > s[i * w + best]) {
                    best = c;
                }
            }
            out[i] = fitted[best];
        }
        return out;
    }

    /** As {@link TrainedProbe#weights()}: {@code [classes][dim + 1]}, null rows for classes not fitted. */
    double[][] weights(int classes) {
        int d = standardizer.dim();
        int k = fitted.length;
        double[][] out = new double[classes][];
        for (int c = 0; c < k; c++) {
            double[] row = new double[d + 1];
            for (int j = 0; j <= d; j++) {
                row[j] = weights[j * width + c];
            }
            out[fitted[c]] = row;
        }
        return out;
    }
}
