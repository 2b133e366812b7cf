package dev.aebench.probe;

import dev.aebench.core.kernel.Kernels;

/**
 * The probe's objective on a fixed design matrix Z ({@code n x cols}, float: {@code penalised}
 * columns of standardised codes, a column of ones, zero columns of padding): {@code f(W) = mean_i
 * [logsumexp(z_i W) - (z_i W)_{y_i}] + l2/2 * |W's first penalised rows|^2} for a
 * {@code cols x classes} weight matrix W (row-major; the row after the codes' holds the
 * intercepts), with its gradient {@code Z^T (P - Y) / n + l2 * W} (intercepts unpenalised; the
 * padding's rows have zero gradient and stay zero).
 *
 * <p>W is stored with {@code width} columns, {@code width >= classes} (the columns past
 * {@code classes} are zero and stay so: the kernels' GEMM is several times faster on a width
 * that fills its vectors than on 10 columns). The design matrix is held twice, as Z and as its
 * transpose, so that both products are plain row-major ones (a transposed operand along the
 * 60,000-long inner dimension measured 5-15 times slower).
 *
 * <p>The gradient's product {@code Z^T R} has a 60,000-long inner dimension and a small output;
 * it is issued in bands of at most {@link #GRADIENT_OUTPUT} output elements, for which the
 * kernels stream the inner dimension in one pass per row block (on a larger output they split
 * it into passes of 256, each a rendezvous of the thread team: measured 1.7 times slower on one
 * thread and up to 3 times slower on two busy cores). The bits are the same either way.
 *
 * <p>Built for a line search: it keeps the scores {@code S = Z W} of the current point and, once
 * given a direction V, the scores {@code D = Z V}, so that f and its first two derivatives along
 * the line, {@link #along}, cost one pass over the {@code n x classes} scores and no product
 * with Z. The products with Z, two per step ({@link #direction} and {@link #gradient}), run on
 * the kernels' float GEMM; everything else is a loop over the scores in double, in row order,
 * so the result does not depend on the kernels' thread count.
 */
final class SoftmaxObjective {
    /**
     * Residuals below this are stored as 0: a probability of, say, 1e-40 would be a subnormal
     * float, on which the GEMM's fused multiply-adds run many times slower (measured: the
     * gradient product 8-25 times slower), for a change to the gradient far below float rounding.
     */
    static final double TINY = 1e-30;
    private final Kernels kernels;
    /** Largest band of the gradient's output per GEMM call (see the class comment). */
    static final int GRADIENT_OUTPUT = 4095;
    /** Rows per chunk of the pass over the scores. */
    static final int CHUNK_ROWS = 2048;
    private final float[] z;
    private final int gradientRows;
    private final java.util.concurrent.ForkJoinPool pool;
    private final float[] zt;
    private final int width;
    private final int[] labels;
    private final int n;
    private final int cols;
    private final int penalisedRows;
    private final int classes;
    private final double l2;
    private final float[] scores;
    private final float[] slope;
    private final float[] residual;
    private final float[] floatDirection;
    private final float[] product;
    private double[] weights;
    private double[] direction;
    /** Calls and nanoseconds of {@link #along}, {@link #direction} and {@link #gradient}, for measurements. */
    final long[] calls = new long[3];
    final long[] nanos = new long[3];

    /**
     * At W = 0; {@code labels} are in [0, classes); {@code zt} is Z transposed ({@code cols x n});
     * {@code pool} (null: this thread) runs the passes over the scores; the first
     * {@code penalised} rows of W carry the l2 penalty.
     */
    SoftmaxObjective(Kernels kernels, java.util.concurrent.ForkJoinPool pool, float[] z, float[] zt, int[] labels,
                     int cols, int penalised, int classes, int width, double l2) {
        if (penalised < 0 || penalised >= cols) {
            throw new IllegalArgumentException("penalised rows " + penalised + " of " + cols);
        }
        this.penalisedRows = penalised;
        this.kernels = kernels;
        this.z = z;
        this.zt = zt;
        this.width = width;
        this.gradientRows = Math.max(8, GRADIENT_OUTPUT / width / 8 * 8);
        this.pool = pool;
        this.labels = labels;
        this.n = labels.length;
        this.cols = cols;
        this.classes = classes;
        this.l2 = l2;
        this.scores = new float[n * width];
        this.slope = new float[n * width];
        this.residual = new float[n * width];
        this.floatDirection = new float[cols * width];
        this.product = new float[cols * width];
        this.weights = new double[cols * width];
        this.direction = new double[cols * width];
    }

    /** Length of the weight vectors: {@code cols * width}. */
    int size() {
        return cols * width;
    }

    /** The current point (a copy). */
    double[] weights() {
        return weights.clone();
    }

    /** Sets the direction V of the line {@code W + alpha V} (one GEMM: D = Z V). */
    void direction(double[] v) {
        long t0 = System.nanoTime();
        direction = v.clone();
        for (int k = 0; k < v.length; k++) {
            floatDirection[k] = (float) v[k];
        }
        kernels.gemm(false, false, n, width, cols, z, 0, cols, floatDirection, 0, width, false, slope, 0, width);
        calls[1]++;
        nanos[1] += System.nanoTime() - t0;
    }

    /**
     * f, f' and f'' along the line at {@code W + alpha V}: one pass over the scores, no GEMM. The
     * rows are taken in fixed chunks of {@value #CHUNK_ROWS}, spread over the pool's threads, and
     * the chunks' sums are added in chunk order, so the result does not depend on the threads.
     */
    Line along(double alpha) {
        long t0 = System.nanoTime();
        float a = (float) alpha;
        int chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
        double[][] partial = new double[chunks][];
        if (pool == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                partial[c] = rows(c * CHUNK_ROWS, Math.min(n, (c + 1) * CHUNK_ROWS), a);
            }
        } else {
            pool.submit(() -> java.util.stream.IntStream.range(0, chunks).parallel()
                    .forEach(c -> partial[c] = rows(c * CHUNK_ROWS, Math.min(n, (c + 1) * CHUNK_ROWS), a))).join();
        }
        double data = 0;
        double first = 0;
        double second = 0;
        for (double[] part : partial) {
            data += part[0];
            first += part[1];
            second += part[2];
        }
        double ww = 0;
        double wv = 0;
        double vv = 0;
        int penalised = penalisedRows * width;
        for (int k = 0; k < penalised; k++) {
            ww += weights[k] * weights[k];
            wv += weights[k] * direction[k];
            vv += direction[k] * direction[k];
        }
        calls[0]++;
        nanos[0] += System.nanoTime() - t0;
        double value = data / n + 0.5 * l2 * (ww + 2 * alpha * wv + alpha * alpha * vv);
        return new Line(alpha, value, first / n + l2 * (wv + alpha * vv), second / n + l2 * vv);
    }

    /** Sums over rows [from, to) of the cross-entropy and of its first two derivatives along the line. */
    private double[] rows(int from, int to, float a) {
        double data = 0;
        double first = 0;
        double second = 0;
        double[] e = new double[classes];
        for (int i = from; i < to; i++) {
            int row = i * width;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double s = scores[row + c] + a * slope[row + c];
                e[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double x = Math.exp(e[c] - max);
                e[c] = x;
                sum += x;
            }
            int y = labels[i];
            data += max + Math.log(sum) - (scores[row + y] + a * slope[row + y]);
            double inv = 1.0 / sum;
            double mean = 0;
            double meanSquare = 0;
            for (int c = 0; c < classes; c++) {
                double p = e[c] * inv;
                double dc = slope[row + c];
                mean += p * dc;
                meanSquare += p * dc * dc;
                double r = c == y ? p - 1.0 : p;
                residual[row + c] = Math.abs(r) < TINY ? 0f : (float) r; // no subnormal floats into the GEMM
            }
            first += mean - slope[row + y];
            second += meanSquare - mean * mean;
        }
        return new double[] {data, first, second};
    }

    /**
     * Moves to {@code W + alpha V}, which must be the last point {@link #along} evaluated (its
     * residual is the one the gradient needs).
     */
    void move(double alpha) {
        float a = (float) alpha;
        for (int k = 0; k < scores.length; k++) {
            scores[k] += a * slope[k];
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k] += alpha * direction[k];
        }
    }

    /** The gradient at the current point, from the residual of the last {@link #along} (one GEMM). */
    double[] gradient() {
        long t0 = System.nanoTime();
        for (int i0 = 0; i0 < cols; i0 += gradientRows) {
            int rows = Math.min(gradientRows, cols - i0);
            kernels.gemm(false, false, rows, width, n, zt, i0 * n, n, residual, 0, width, false, product, i0 * width,
                    width);
        }
        double[] g = new double[cols * width];
        int penalised = penalisedRows * width;
        for (int k = 0; k < g.length; k++) {
            g[k] = product[k] / (double) n + (k < penalised ? l2 * weights[k] : 0.0);
        }
        calls[2]++;
        nanos[2] += System.nanoTime() - t0;
        return g;
    }

    /** f and its derivatives along the current line at {@code alpha}. */
    record Line(double alpha, double value, double slope, double curvature) {
    }
}
