package dev.aebench.probe;

import java.util.SplittableRandom;

/**
 * Test data: {@code classes} Gaussian clusters in {@code dim} dimensions, unit variance around
 * class means drawn with sd {@code spread}; every feature is then scaled by {@code 1 + column}
 * and shifted by {@code column}, so that standardisation has something to undo. Rows cycle
 * through the classes.
 */
record GaussianClusters(int classes, int dim, double spread, long seed) {
    LabelledCodes sample(String role, int rows, long sampleSeed) {
        SplittableRandom meansRandom = new SplittableRandom(seed);
        double[][] means = new double[classes][dim];
        for (double[] mean : means) {
            for (int j = 0; j < dim; j++) {
                mean[j] = spread * meansRandom.nextGaussian();
            }
        }
        SplittableRandom random = new SplittableRandom(sampleSeed);
        float[] codes = new float[rows * dim];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int j = 0; j < dim; j++) {
                codes[i * dim + j] = (float) ((means[c][j] + random.nextGaussian()) * (1 + j) + j);
            }
        }
        return new LabelledCodes(role, codes, labels, dim);
    }
}
