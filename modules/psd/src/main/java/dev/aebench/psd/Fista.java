package dev.aebench.psd;

import dev.aebench.core.kernel.Kernels;

import java.util.Arrays;

/**
 * Code inference: a fixed number of FISTA steps (Beck and Teboulle 2009) on each row's energy
 * {@code E(h) = ||x - h D||^2 + lambda ||h||_1 + alpha ||h - f(x)||^2}, started at the encoder's
 * prediction {@code f(x)}. Rows are samples; D is {@code codes x inputs} (one unit-norm atom per
 * row), so a reconstruction is the NN product {@code H D}.
 *
 * <p>The smooth part's gradient is {@code 2 (Y G - X D^T) + 2 alpha (Y - F)} with the Gram matrix
 * {@code G = D D^T}: {@code X D^T} is one GEMM per batch and each step one {@code codes x codes}
 * GEMM, cheaper than going through the inputs every step. The step is {@code 1 / L} with
 * {@code L = 2 (mu + alpha)}, {@code mu} the largest eigenvalue of G by warm-started power
 * iteration (times a small margin), and the proximal map is the soft threshold at
 * {@code lambda / L}; the only per-element loop is that fused shrink-and-momentum update.
 */
final class Fista {
    /** Power iterations on the first {@link #prepare} and on each later one (warm-started). */
    static final int FIRST_POWER_ITERATIONS = 50;
    static final int POWER_ITERATIONS = 2;
    /** Power iteration approaches the top eigenvalue from below; the step stays safe with this margin. */
    static final double EIGEN_MARGIN = 1.02;

    private final Kernels kernels;
    private final int inputs;
    private final int codes;
    private final float[] gram;
    private final float[] vector;
    private final float[] product;
    private final float[] xd;
    private final float[] gy;
    private final float[] h;
    private final float[] y;
    private boolean warm;
    private double lipschitz;

    Fista(Kernels kernels, int inputs, int codes, int maxRows) {
        this.kernels = kernels;
        this.inputs = inputs;
        this.codes = codes;
        this.gram = new float[codes * codes];
        this.vector = new float[codes];
        this.product = new float[codes];
        this.xd = new float[maxRows * codes];
        this.gy = new float[maxRows * codes];
        this.h = new float[maxRows * codes];
        this.y = new float[maxRows * codes];
    }

    /**
     * The Gram matrix of the dictionary at {@code dict[off ..]} and the step's Lipschitz constant
     * {@code L = 2 (mu + alpha)}; call whenever D has changed. Power iteration starts from the
     * last eigenvector estimate (a few iterations, during training), or afresh when {@code cold}
     * (evaluation, whose codes then do not depend on what ran before).
     */
    void prepare(float[] dict, int off, double alpha, boolean cold) {
        kernels.gemm(false, true, codes, codes, inputs, dict, off, inputs, dict, off, inputs, false, gram, 0, codes);
        int iterations = POWER_ITERATIONS;
        if (cold || !warm) {
            Arrays.fill(vector, (float) (1.0 / Math.sqrt(codes)));
            iterations = FIRST_POWER_ITERATIONS;
            warm = true;
        }
        double mu = 0;
        for (int it = 0; it < iterations; it++) {
            kernels.gemm(false, false, codes, 1, codes, gram, 0, codes, vector, 0, 1, false, product, 0, 1);
            double norm = 0;
            for (float p : product) {
                norm += (double) p * p;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0)) {
                break;
            }
            mu = norm;
            for (int j = 0; j < codes; j++) {
                vector[j] = (float) (product[j] / norm);
            }
        }
        lipschitz = 2 * (EIGEN_MARGIN * mu + alpha);
    }

    /**
     * The eigenvector estimate that warm-starts the next training {@link #prepare}: state a
     * checkpoint keeps, live.
     */
    float[] powerVector() {
        return vector;
    }

    /** The power vector was restored (from a checkpoint): the next {@link #prepare} warm-starts from it. */
    void markWarm() {
        warm = true;
    }

    /** L of the last {@link #prepare}. */
    double lipschitz() {
        return lipschitz;
    }

    /** Overrides L (tests compare the steps against an independent computation with the same L). */
    void setLipschitz(double value) {
        lipschitz = value;
    }

    /**
     * {@code steps} FISTA steps for the first {@code rows} rows of {@code x} from
     * {@code prediction} (rows x codes, also the alpha term's anchor); returns the codes
     * (rows x codes, valid until the next call). {@link #prepare} must have seen {@code dict}.
     */
    float[] infer(float[] x, float[] prediction, int rows, float[] dict, int off, double lambda, double alpha,
                  int steps) {
        int n = rows * codes;
        kernels.gemm(false, true, rows, codes, inputs, x, 0, inputs, dict, off, inputs, false, xd, 0, codes);
        System.arraycopy(prediction, 0, h, 0, n);
        System.arraycopy(prediction, 0, y, 0, n);
        float step = (float) (1.0 / lipschitz);
        float threshold = (float) (lambda / lipschitz);
        float a = (float) alpha;
        double t = 1;
        for (int s = 0; s < steps; s++) {
            kernels.gemm(false, false, rows, codes, codes, y, 0, codes, gram, 0, codes, false, gy, 0, codes);
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            float momentum = (float) ((t - 1) / tNext);
            for (int i = 0; i < n; i++) {
                float yi = y[i];
                float grad = 2f * (gy[i] - xd[i]) + 2f * a * (yi - prediction[i]);
                float next = Shrink.apply(yi - step * grad, threshold);
                y[i] = next + momentum * (next - h[i]);
                h[i] = next;
            }
            t = tNext;
        }
        return h;
    }
}
