package dev.aebench.probe;

/**
 * Per-column affine map {@code (x - mean) / sd}, with the mean and the population standard
 * deviation of the training codes; a column whose sd is zero (or below 1e-12 of its scale) is
 * only centred. The identity map leaves values as they are. Applied to training and test codes
 * alike, so a linear model on standardised codes is a linear model on the raw codes.
 */
final class FeatureStandardizer {
    private static final double CONSTANT_COLUMN = 1e-12;

    private final double[] mean;
    private final double[] inverseSd;

    private FeatureStandardizer(double[] mean, double[] inverseSd) {
        this.mean = mean;
        this.inverseSd = inverseSd;
    }

    static FeatureStandardizer identity(int dim) {
        double[] ones = new double[dim];
        java.util.Arrays.fill(ones, 1.0);
        return new FeatureStandardizer(new double[dim], ones);
    }

    /** Mean and sd of each column of {@code train}, in double precision (two passes). */
    static FeatureStandardizer fit(LabelledCodes train) {
        int n = train.size();
        int d = train.dim();
        float[] x = train.codes();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                mean[j] += x[row + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] squares = new double[d];
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double centred = x[row + j] - mean[j];
                squares[j] += centred * centred;
            }
        }
        double[] inverseSd = new double[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(squares[j] / n);
            boolean constant = sd <= CONSTANT_COLUMN * Math.max(1.0, Math.abs(mean[j]));
            inverseSd[j] = constant ? 1.0 : 1.0 / sd;
        }
        return new FeatureStandardizer(mean, inverseSd);
    }

    int dim() {
        return mean.length;
    }

    /** Row {@code row} of {@code codes} (row-major, {@link #dim()} columns), mapped, as a new array. */
    double[] row(float[] codes, int row) {
        int d = mean.length;
        int offset = row * d;
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = (codes[offset + j] - mean[j]) * inverseSd[j];
        }
        return out;
    }

    /** Columns of the design matrix rows are padded with zeros to a multiple of this (see {@link #designCols}). */
    static final int COLUMN_MULTIPLE = 16;

    /**
     * Columns of the design matrix: the {@link #dim()} mapped codes, the intercept's constant 1,
     * then zeros up to a multiple of {@value #COLUMN_MULTIPLE}. A dimension that fills the
     * kernels' vectors keeps every GEMM with it on the kernels' full-tile path: with 257 columns
     * the first Gram product in a trial's JVM measured 2.2 s (an edge path compiled cold) and
     * warm products 3-5 times slower than with 256 (docs/PERFORMANCE.md).
     */
    int designCols() {
        return (mean.length + 1 + COLUMN_MULTIPLE - 1) / COLUMN_MULTIPLE * COLUMN_MULTIPLE;
    }

    /**
     * The design matrix of {@code rows} rows of {@code codes}: each row mapped, followed by a
     * constant 1 (the intercept's column) and zero padding, row-major with {@link #designCols()}
     * columns, in float.
     */
    float[] design(float[] codes, int rows) {
        int d = mean.length;
        int cols = designCols();
        float[] out = new float[rows * cols];
        float[] m = new float[d];
        float[] s = new float[d];
        for (int j = 0; j < d; j++) {
            m[j] = (float) mean[j];
            s[j] = (float) inverseSd[j];
        }
        for (int i = 0; i < rows; i++) {
            int src = i * d;
            int dst = i * cols;
            for (int j = 0; j < d; j++) {
                out[dst + j] = (codes[src + j] - m[j]) * s[j];
            }
            out[dst + d] = 1f;
        }
        return out;
    }

    /** {@code a} ({@code rows x cols}, row-major) transposed, in tiles that stay in cache. */
    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        int tile = 64;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            int i1 = Math.min(rows, i0 + tile);
            for (int j0 = 0; j0 < cols; j0 += tile) {
                int j1 = Math.min(cols, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        t[j * rows + i] = a[i * cols + j];
                    }
                }
            }
        }
        return t;
    }
}
