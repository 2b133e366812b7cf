package dev.aebench.contractive;

import dev.aebench.core.dense.DenseAutoencoder;

/** The encoder's Jacobian by central finite differences of {@link DenseAutoencoder#encode}. */
final class JacobianReference {
    private JacobianReference() {
    }

    /** Mean over the rows of {@code ||d code / d x||_F^2}, each column from two encodes of all rows. */
    static double meanSquaredNorm(DenseAutoencoder m, float[] x, int rows, float step) {
        int in = m.inputDim();
        int code = m.codeDim();
        float[] moved = x.clone();
        float[] up = new float[rows * code];
        float[] down = new float[rows * code];
        double sum = 0;
        for (int j = 0; j < in; j++) {
            double[] h = new double[rows];
            for (int r = 0; r < rows; r++) {
                float v = x[r * in + j];
                moved[r * in + j] = v + step;
                h[r] = (double) (v + step) - (double) (v - step);
            }
            m.encode(moved, rows, up);
            for (int r = 0; r < rows; r++) {
                moved[r * in + j] = x[r * in + j] - step;
            }
            m.encode(moved, rows, down);
            for (int r = 0; r < rows; r++) {
                moved[r * in + j] = x[r * in + j];
                for (int k = 0; k < code; k++) {
                    double d = (up[r * code + k] - down[r * code + k]) / h[r];
                    sum += d * d;
                }
            }
        }
        return sum / rows;
    }
}
