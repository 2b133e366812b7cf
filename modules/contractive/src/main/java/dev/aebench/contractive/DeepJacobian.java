package dev.aebench.contractive;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.RowSparsity;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.objective.EncoderState;

import java.util.Arrays;
import java.util.List;

/**
 * The exact squared Frobenius norm of the Jacobian of an encoder of two or more dense layers,
 * and its exact gradient, with batched GEMMs.
 *
 * <p>Write layer t (t = 0 .. L-1, L-1 the code) as {@code y_t = act(y_{t-1} W_t + b_t)} (W
 * input-major) and {@code D_t = diag(act'(z_t))}. Per sample the Jacobian is
 * {@code J = D_{L-1} W_{L-1}^T ... D_1 W_1^T D_0 W_0^T = V W_0^T} with
 * {@code V = D_{L-1} W_{L-1}^T ... W_1^T D_0} (code units x first-layer units), so with
 * {@code G = W_0^T W_0} (once per step) {@code ||J||^2 = tr(V G V^T)}: neither the
 * {@code inputDim}-wide Jacobian nor anything first-layer-squared per sample is formed.
 *
 * <p>V is built from the code side: {@code P_{L-2} = D_{L-1} W_{L-1}^T} is a scaled copy,
 * then {@code V_t = P_t D_t} and {@code P_{t-1} = V_t W_t^T} down to {@code V_0 = V}. The rows
 * of all samples of a chunk (one per code unit and sample) are stacked, so each layer is one
 * GEMM for the whole chunk. Rows of code units whose ReLU is off are zero throughout and are
 * left out, which is exact. The norms come out of {@code S = sum V^T V} (a {@link Kernels#gram}
 * that the gradient needs anyway) as {@code <G, S>}; the gradient runs {@code dV = 2 V G} back
 * through the same products, gives {@code dW_0 = 2 W_0 S}, and sends slope gradients, which
 * only smooth activations need, to {@link LayerSlopes}. Samples are processed in chunks that
 * keep the buffers under {@link #BUFFER_FLOATS} floats.
 *
 * <p>Below a ReLU layer t, a sample's rows of V_t (and of the gradient flowing back through
 * D_t) are zero wherever its unit is off, about half of them; the products {@code V_0 G} and
 * the two weight-sized backward products take those units as {@link RowSparsity} and skip the
 * exact zeros ({@link Kernels#rowSparseGemm}, same bits; {@code V G} on each sample's
 * support x support block only, {@link Kernels#rowSparseGemmMasked}), and {@code sum V^T V} is summed
 * per sample on its support x support block ({@link Kernels#rowSparseGram}).
 */
final class DeepJacobian {
    /** Budget for the per-chunk buffers, in floats (64 MiB). */
    static final long BUFFER_FLOATS = 1L << 24;

    private final Kernels kernels;
    private final List<DenseLayer> layers;
    private final List<LayerSlopes> slopes;
    private final int last;
    private final int units0;
    private final int codeUnits;
    private final boolean skipInactiveCodes;
    private final int chunk;
    private final float[] gram;
    private final float[] gramSum;
    /** {@code products[t]} holds P_t and {@code scaled[t]} V_t, stacked rows x width of layer t. */
    private final float[][] products;
    private final float[][] scaled;
    /** The code layer's weights transposed (code units x inputs), and their gradient in that layout. */
    private final float[] codeWeightsT;
    private final float[] codeGradT;
    private final int[] rowSample;
    private final int[] rowUnit;
    /**
     * For each layer t below the code whose activation is ReLU, the units of each sample that are
     * on: the stacked rows of V_t and of dP/dV_t D_t are zero elsewhere, and the products with them
     * skip those exact zeros; null for other activations.
     */
    private final RowSparsity[] supports;
    private float[] current;
    private float[] other;

    DeepJacobian(EncoderState e) {
        this(e, BUFFER_FLOATS);
    }

    /** As above with another buffer budget, in floats (tests use a tiny one to force chunks). */
    DeepJacobian(EncoderState e, long bufferFloats) {
        this.kernels = e.kernels();
        this.layers = List.copyOf(e.layers());
        if (layers.size() < 2) {
            throw new IllegalArgumentException("DeepJacobian needs at least two layers");
        }
        this.slopes = LayerSlopes.of(layers, e.maxRows());
        this.last = layers.size() - 1;
        this.units0 = layers.get(0).outputSize();
        this.codeUnits = layers.get(last).outputSize();
        this.skipInactiveCodes = layers.get(last).activation() == Activation.RELU;
        this.chunk = (int) Math.max(1, Math.min(e.maxRows(), bufferFloats / floatsPerSample(layers)));
        int maxRows = chunk * codeUnits;
        this.gram = new float[units0 * units0];
        this.gramSum = new float[units0 * units0];
        this.products = new float[last][];
        this.scaled = new float[last][];
        int widest = 0;
        for (int t = 0; t < last; t++) {
            int width = layers.get(t).outputSize();
            products[t] = new float[maxRows * width];
            scaled[t] = new float[maxRows * width];
            widest = Math.max(widest, width);
        }
        this.current = new float[maxRows * widest];
        this.other = new float[maxRows * widest];
        this.codeWeightsT = new float[codeUnits * layers.get(last).inputSize()];
        this.codeGradT = new float[codeWeightsT.length];
        this.rowSample = new int[maxRows];
        this.rowUnit = new int[maxRows];
        this.supports = new RowSparsity[last];
        for (int t = 0; t < last; t++) {
            supports[t] = layers.get(t).activation() == Activation.RELU ? new RowSparsity() : null;
        }
    }

    /** Buffer floats per sample: per code unit, P and V of every layer below the code and two gradient buffers. */
    static long floatsPerSample(List<DenseLayer> layers) {
        long perRow = 0;
        int widest = 0;
        for (int t = 0; t < layers.size() - 1; t++) {
            perRow += 2L * layers.get(t).outputSize();
            widest = Math.max(widest, layers.get(t).outputSize());
        }
        return layers.get(layers.size() - 1).outputSize() * (perRow + 2L * widest);
    }

    /** Samples per chunk (for tests of the chunking). */
    int chunk() {
        return chunk;
    }

    /** lambda times the batch mean of {@code ||J||_F^2}, with gradients when asked. */
    double apply(EncoderState e, double lambda, boolean withGradient) {
        int rows = e.rows();
        for (LayerSlopes s : slopes) {
            s.prepare(rows, withGradient);
        }
        DenseLayer first = layers.get(0);
        float[] p = e.arena().params();
        int inputs = first.inputSize();
        kernels.gram(units0, inputs, p, first.weightOffset(), units0, false, gram, 0, units0);
        Arrays.fill(gramSum, 0f);
        transposeCodeWeights(p);
        if (withGradient) {
            Arrays.fill(codeGradT, 0f);
        }
        double scale = lambda / rows;
        for (int s = 0; s < rows; s += chunk) {
            chunk(e, s, Math.min(chunk, rows - s), scale, withGradient);
        }
        double sum = 0;
        for (int i = 0; i < gram.length; i++) {
            sum += (double) gram[i] * gramSum[i];
        }
        if (withGradient) {
            float twoScale = (float) (2 * scale);
            for (int i = 0; i < gramSum.length; i++) {
                gramSum[i] *= twoScale;
            }
            kernels.gemm(false, false, inputs, units0, units0, p, first.weightOffset(), units0,
                    gramSum, 0, units0, true, e.arena().grads(), first.weightOffset(), units0);
            addCodeGradient(e.arena().grads());
            for (LayerSlopes s : slopes) {
                s.sendGradient(rows);
            }
        }
        return scale * sum;
    }

    /** Samples {@code [start, start + n)}: adds their {@code V^T V} to {@link #gramSum}, and back-propagates. */
    private void chunk(EncoderState e, int start, int n, double scale, boolean withGradient) {
        int stacked = stackRows(start, n);
        if (stacked == 0) {
            return;
        }
        float[] p = e.arena().params();
        topProducts(stacked);
        for (int t = last - 1; t >= 0; t--) {
            if (t < last - 1) {
                DenseLayer above = layers.get(t + 1);
                kernels.gemm(false, true, stacked, above.inputSize(), above.outputSize(), scaled[t + 1], 0,
                        above.outputSize(), p, above.weightOffset(), above.outputSize(), false, products[t], 0,
                        above.inputSize());
            }
            scaleRows(products[t], scaled[t], slopes.get(t), stacked);
        }
        float[] v = scaled[0];
        RowSparsity on0 = supports[0];
        if (on0 != null) {
            kernels.rowSparseGram(on0, units0, v, 0, units0, true, gramSum, 0, units0);
        } else {
            kernels.gram(units0, stacked, v, 0, units0, true, gramSum, 0, units0);
        }
        if (!withGradient) {
            return;
        }
        // dP/dV_0 = 2 s V_0 G
        if (on0 != null) {
            // only the on units' columns of V G are needed: D_0 zeroes the others just below
            kernels.rowSparseGemmMasked(on0, units0, v, 0, units0, gram, 0, units0, current, 0, units0);
        } else {
            kernels.gemm(false, false, stacked, units0, units0, v, 0, units0, gram, 0, units0, false, current, 0,
                    units0);
        }
        float twoScale = (float) (2 * scale);
        for (int i = 0, end = stacked * units0; i < end; i++) {
            current[i] *= twoScale;
        }
        float[] grads = e.arena().grads();
        for (int t = 0; t < last; t++) {
            backScaleRows(products[t], slopes.get(t), stacked);
            if (t == last - 1) {
                backwardTopProducts(stacked);
            } else {
                DenseLayer above = layers.get(t + 1);
                int in = above.inputSize();
                int out = above.outputSize();
                RowSparsity on = supports[t];
                if (on != null) {
                    kernels.rowSparseGemmTransA(on, out, in, current, 0, in, scaled[t + 1], 0, out,
                            true, grads, above.weightOffset(), out);
                    kernels.rowSparseGemm(on, out, in, current, 0, in, p, above.weightOffset(), out, other, 0, out);
                } else {
                    kernels.gemm(true, false, in, out, stacked, current, 0, in, scaled[t + 1], 0, out,
                            true, grads, above.weightOffset(), out);
                    kernels.gemm(false, false, stacked, out, in, current, 0, in, p, above.weightOffset(), out,
                            false, other, 0, out);
                }
                float[] swap = current;
                current = other;
                other = swap;
            }
        }
    }

    /** Lists the stacked rows (sample, code unit) of the chunk, leaving out ReLU codes that are off. */
    private int stackRows(int start, int n) {
        float[] d = slopes.get(last).slope();
        for (RowSparsity s : supports) {
            if (s != null) {
                s.clear();
            }
        }
        int r = 0;
        for (int b = start; b < start + n; b++) {
            int first = r;
            for (int c = 0; c < codeUnits; c++) {
                if (!skipInactiveCodes || d[b * codeUnits + c] != 0f) {
                    rowSample[r] = b;
                    rowUnit[r] = c;
                    r++;
                }
            }
            if (r > first) {
                for (int t = 0; t < last; t++) {
                    if (supports[t] != null) {
                        int units = layers.get(t).outputSize();
                        supports[t].addGroup(r, slopes.get(t).slope(), b * units, units);
                    }
                }
            }
        }
        return r;
    }

    private void transposeCodeWeights(float[] p) {
        DenseLayer code = layers.get(last);
        int width = code.inputSize();
        int w = code.weightOffset();
        for (int k = 0; k < width; k++) {
            for (int c = 0; c < codeUnits; c++) {
                codeWeightsT[c * width + k] = p[w + k * codeUnits + c];
            }
        }
    }

    private void addCodeGradient(float[] grads) {
        DenseLayer code = layers.get(last);
        int width = code.inputSize();
        int w = code.weightOffset();
        for (int k = 0; k < width; k++) {
            for (int c = 0; c < codeUnits; c++) {
                grads[w + k * codeUnits + c] += codeGradT[c * width + k];
            }
        }
    }

    /** {@code P_{L-2}[(b,c), k] = D_{L-1}[b,c] W_{L-1}[k,c]}: the code layer's slopes are diagonal. */
    private void topProducts(int stacked) {
        int width = layers.get(last).inputSize();
        float[] d = slopes.get(last).slope();
        float[] q = products[last - 1];
        for (int r = 0; r < stacked; r++) {
            int c = rowUnit[r];
            float dc = d[rowSample[r] * codeUnits + c];
            int row = r * width;
            int wt = c * width;
            for (int k = 0; k < width; k++) {
                q[row + k] = dc * codeWeightsT[wt + k];
            }
        }
    }

    /**
     * From {@code dP/dP_{L-2}} in {@link #current}: {@code dW_{L-1}[k,c] += sum_b D[b,c] dP}
     * (collected transposed, added to the arena once per step) and, for a smooth code
     * activation, {@code dD_{L-1}[b,c] += dP . W_{L-1}[:,c]}.
     */
    private void backwardTopProducts(int stacked) {
        int width = layers.get(last).inputSize();
        LayerSlopes s = slopes.get(last);
        float[] d = s.slope();
        float[] dd = s.slopeGradient();
        boolean slopeGradient = s.needsGradient();
        for (int r = 0; r < stacked; r++) {
            int c = rowUnit[r];
            int at = rowSample[r] * codeUnits + c;
            float dc = d[at];
            int row = r * width;
            int wt = c * width;
            for (int k = 0; k < width; k++) {
                codeGradT[wt + k] = Math.fma(dc, current[row + k], codeGradT[wt + k]);
            }
            if (slopeGradient) {
                float dot = 0f;
                for (int k = 0; k < width; k++) {
                    dot = Math.fma(current[row + k], codeWeightsT[wt + k], dot);
                }
                dd[at] += dot;
            }
        }
    }

    /** {@code V_t = P_t D_t}: each stacked row scaled by its sample's slopes. */
    private void scaleRows(float[] q, float[] u, LayerSlopes s, int stacked) {
        int width = s.units();
        float[] d = s.slope();
        for (int r = 0; r < stacked; r++) {
            int row = r * width;
            int slopeRow = rowSample[r] * width;
            for (int k = 0; k < width; k++) {
                u[row + k] = q[row + k] * d[slopeRow + k];
            }
        }
    }

    /**
     * With {@link #current} holding {@code dP/dV_t}: for a smooth activation adds
     * {@code sum over code units of dV_t * P_t} to the slope gradient, and turns {@link #current}
     * into {@code dP/dP_t = dP/dV_t D_t}.
     */
    private void backScaleRows(float[] q, LayerSlopes s, int stacked) {
        int width = s.units();
        float[] d = s.slope();
        float[] dd = s.slopeGradient();
        boolean slopeGradient = s.needsGradient();
        float[] c = current;
        for (int r = 0; r < stacked; r++) {
            int row = r * width;
            int slopeRow = rowSample[r] * width;
            if (slopeGradient) {
                for (int k = 0; k < width; k++) {
                    dd[slopeRow + k] = Math.fma(c[row + k], q[row + k], dd[slopeRow + k]);
                }
            }
            for (int k = 0; k < width; k++) {
                c[row + k] *= d[slopeRow + k];
            }
        }
    }
}
