package dev.aebench.core.data;

import java.util.SplittableRandom;

/**
 * Seeded synthetic images for tests: each class is a smooth random prototype (a few Gaussian
 * blobs), and each image is its class prototype, randomly scaled and shifted in brightness, plus
 * pixel noise, clipped to [0,1]. Low-dimensional structure plus noise, like real digits.
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
}
