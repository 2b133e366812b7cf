package dev.aebench.analysis;

import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;

/**
 * How much the encoder contracts at a distance: for each radius r and test point x, the mean
 * of {@code |f(x + d) - f(x)| / |d|} over directions d drawn uniformly on the sphere of radius r
 * (normalised Gaussian vectors from the kernels' seeded counter-based generator; the same
 * directions at every radius), and the same ratio along the
 * direction of x's nearest other test image (on-manifold), plus the ratio at that image itself.
 * Radii are {@link #FACTORS} times the median distance from a point to its nearest other test
 * image, so the grid spans the data's own scale.
 */
final class ContractionCurve {
    /** Radii as multiples of the median nearest-neighbour distance. */
    static final double[] FACTORS = {0.03125, 0.0625, 0.125, 0.25, 0.5, 1, 2, 4};

    record Result(double[] radii, double[] random, double[] manifold, double neighbourRatio) {
    }

    private ContractionCurve() {
    }

    /**
     * {@code points} (rows x inputDim) with {@code neighbours} their nearest other test images
     * (same layout); {@code directions} random directions per point and radius.
     */
    static Result measure(Autoencoder f, Kernels kernels, float[] points, float[] neighbours, int rows, int directions,
                          long seed) {
        int in = f.inputDim();
        int code = f.codeDim();
        float[] base = new float[rows * code];
        f.encode(points, rows, base);
        double[] nnDistance = new double[rows];
        float[] nnCodes = new float[rows * code];
        f.encode(neighbours, rows, nnCodes);
        double neighbourRatio = 0;
        int distinct = 0; // a duplicate image (distance 0) has no direction
        for (int r = 0; r < rows; r++) {
            nnDistance[r] = distance(points, r * in, neighbours, r * in, in);
            if (nnDistance[r] > 0) {
                neighbourRatio += distance(base, r * code, nnCodes, r * code, code) / nnDistance[r];
                distinct++;
            }
        }
        double[] sorted = nnDistance.clone();
        java.util.Arrays.sort(sorted);
        double scale = rows % 2 == 1 ? sorted[rows / 2] : 0.5 * (sorted[rows / 2 - 1] + sorted[rows / 2]);
        double[] radii = new double[FACTORS.length];
        double[] random = new double[FACTORS.length];
        double[] manifold = new double[FACTORS.length];
        float[] moved = new float[rows * directions * in];
        float[] movedCodes = new float[rows * directions * code];
        // one set of random directions serves every radius (common random numbers: the curve's
        // points differ by the radius alone, and one draw instead of one per radius)
        float[] unit = new float[rows * directions * in];
        kernels.gaussian(CounterRandom.derive(seed, 0), unit, 0, unit.length);
        for (int row = 0; row < unit.length; row += in) {
            double norm = 0;
            for (int i = 0; i < in; i++) {
                norm += (double) unit[row + i] * unit[row + i];
            }
            float s = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < in; i++) {
                unit[row + i] *= s;
            }
        }
        for (int k = 0; k < FACTORS.length; k++) {
            double radius = FACTORS[k] * scale;
            radii[k] = radius;
            float s = (float) radius;
            for (int r = 0; r < rows; r++) {
                for (int d = 0; d < directions; d++) {
                    int row = (r * directions + d) * in;
                    for (int i = 0; i < in; i++) {
                        moved[row + i] = points[r * in + i] + s * unit[row + i];
                    }
                }
            }
            f.encode(moved, rows * directions, movedCodes);
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                for (int d = 0; d < directions; d++) {
                    int row = (r * directions + d) * in;
                    double actual = distance(moved, row, points, r * in, in);
                    sum += distance(movedCodes, (r * directions + d) * code, base, r * code, code) / actual;
                }
            }
            random[k] = sum / ((double) rows * directions);
            for (int r = 0; r < rows; r++) {
                float t = nnDistance[r] > 0 ? (float) (radius / nnDistance[r]) : 0f;
                for (int i = 0; i < in; i++) {
                    moved[r * in + i] = points[r * in + i] + t * (neighbours[r * in + i] - points[r * in + i]);
                }
            }
            f.encode(moved, rows, movedCodes);
            sum = 0;
            for (int r = 0; r < rows; r++) {
                if (nnDistance[r] > 0) {
                    sum += distance(movedCodes, r * code, base, r * code, code)
                            / distance(moved, r * in, points, r * in, in);
                }
            }
            manifold[k] = sum / distinct;
        }
        return new Result(radii, random, manifold, neighbourRatio / distinct);
    }

    static double distance(float[] a, int aOff, float[] b, int bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = (double) a[aOff + i] - b[bOff + i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
