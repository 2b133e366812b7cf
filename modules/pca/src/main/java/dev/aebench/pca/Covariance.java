package dev.aebench.pca;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.Kernels;

/** Column means and the covariance matrix of a dataset, the latter as chunked Gram products ({@link Kernels#gram}) of centred rows. */
final class Covariance {
    private static final int CHUNK = 2048;

    private Covariance() {
    }

    static double[] mean(Dataset data) {
        int d = data.dim();
        double[] mean = new double[d];
        float[] x = data.x();
        for (int r = 0; r < data.size(); r++) {
            int base = r * d;
            for (int j = 0; j < d; j++) {
                mean[j] += x[base + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= data.size();
        }
        return mean;
    }

    /** Sample covariance (divided by n - 1), d x d row-major, in float. */
    static float[] of(Dataset data, double[] mean, Kernels kernels) {
        int d = data.dim();
        int n = data.size();
        float[] cov = new float[d * d];
        float[] chunk = new float[Math.min(CHUNK, n) * d];
        float[] x = data.x();
        for (int s = 0; s < n; s += CHUNK) {
            int rows = Math.min(CHUNK, n - s);
            for (int r = 0; r < rows; r++) {
                int src = (s + r) * d;
                int dst = r * d;
                for (int j = 0; j < d; j++) {
                    chunk[dst + j] = (float) (x[src + j] - mean[j]);
                }
            }
            kernels.gram(d, rows, chunk, 0, d, s > 0, cov, 0, d);
        }
        float scale = 1f / Math.max(1, n - 1);
        for (int i = 0; i < cov.length; i++) {
            cov[i] *= scale;
        }
        return cov;
    }
}
