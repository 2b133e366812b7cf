package dev.aebench.core.data;

import dev.aebench.core.linalg.GramSchmidt;

import java.util.SplittableRandom;

/**
 * Seeded synthetic images for tests: each class is a smooth random prototype (a few Gaussian
 * blobs), and each image is its class prototype, randomly scaled and shifted in brightness, plus
 * pixel noise, clipped to [0,1]. Low-dimensional structure plus noise, like real digits.
 * {@link #lowRank} gives continuous low-rank data with a known spectral gap instead.
 */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    public static Dataset generate(int count, int side, int classes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int dim = side * side;
        float[][] protos = new float[classes][dim];
        for (int c = 0; c < classes; c++) {
            for (int blob = 0; blob < 3; blob++) {
                double cx = rnd.nextDouble(side * 0.2, side * 0.8);
                double cy = rnd.nextDouble(side * 0.2, side * 0.8);
                double r = rnd.nextDouble(side * 0.08, side * 0.25);
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                        protos[c][y * side + x] += (float) Math.exp(-d2 / (2 * r * r));
                    }
                }
            }
        }
        float[] xs = new float[count * dim];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int c = rnd.nextInt(classes);
            labels[i] = c;
            float scale = (float) rnd.nextDouble(0.6, 1.0);
            for (int j = 0; j < dim; j++) {
                float v = scale * protos[c][j] + (float) (0.05 * rnd.nextGaussian());
                xs[i * dim + j] = Math.min(1f, Math.max(0f, v));
            }
        }
        return new Dataset("synthetic-" + side + "x" + side + "-s" + seed, xs, labels, count, side, side,
                "synthetic:" + count + ":" + side + ":" + classes + ":" + seed);
    }

    /**
     * {@code count} images of {@code side x side}: {@code 0.5 + sum_i a_i u_i + noise}, with u_i
     * random orthonormal directions (Gram-Schmidt on Gaussian vectors), a_i ~ N(0, scales_i^2)
     * per image and noise ~ N(0, sigma^2) per pixel, clipped to [0,1]. Before clipping the
     * covariance has eigenvalues scales_i^2 + sigma^2 along u_i and sigma^2 elsewhere, so the
     * spectral gap after the k-th component is known; keep sum_i scales_i^2 / (side * side) small
     * (pixel standard deviations well under 0.5) and clipping is rare. Labels are all 0.
     */
    public static Dataset lowRank(int count, int side, double[] scales, double sigma, long seed) {
        int d = side * side;
        int k = scales.length;
        if (k > d) {
            throw new IllegalArgumentException(k + " directions in " + d + " dimensions");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] u = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                u[i][j] = rnd.nextGaussian();
            }
        }
        GramSchmidt.orthonormalize(u, k, 0);
        float[] xs = new float[count * d];
        double[] a = new double[k];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < k; i++) {
                a[i] = scales[i] * rnd.nextGaussian();
            }
            for (int j = 0; j < d; j++) {
                double v = 0.5 + sigma * rnd.nextGaussian();
                for (int i = 0; i < k; i++) {
                    v += a[i] * u[i][j];
                }
                xs[r * d + j] = (float) Math.min(1, Math.max(0, v));
            }
        }
        StringBuilder spec = new StringBuilder();
        for (double s : scales) {
            spec.append(spec.isEmpty() ? "" : ",").append(s);
        }
        return new Dataset("low-rank-" + side + "x" + side + "-s" + seed, xs, new int[count], count, side, side,
                "low-rank:" + count + ":" + side + ":" + spec + ":" + sigma + ":" + seed);
    }
}
