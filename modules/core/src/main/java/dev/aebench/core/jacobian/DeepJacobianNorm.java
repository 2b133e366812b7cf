package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.RowSparsity;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.ParameterArena;

import java.util.Arrays;
import java.util.List;

/**
 * The exact squared Frobenius norm of the Jacobian of an encoder of two or more dense layers,
 * and its exact gradient, with batched GEMMs.
 *
 * <p>Per sample {@code J = V W_0^T} with V the code-side product of {@link JacobianProducts}
 * (code units x first-layer units), so with {@code G = W_0^T W_0} (once per step)
 * {@code ||J||^2 = tr(V G V^T)}: neither the {@code inputDim}-wide Jacobian nor anything
 * first-layer-squared per sample is formed. Rows of code units whose ReLU is off are zero
 * throughout and are left out, which is exact. The norms come out of {@code S = sum V^T V} (a
 * {@link Kernels#gram} that the gradient needs anyway) as {@code <G, S>}; the gradient runs
 * {@code dV = 2 V G} back through the same products, gives {@code dW_0 = 2 W_0 S}, and sends
 * slope gradients, which only smooth activations need, to each layer's output gradient.
 * Samples are processed in chunks that keep the buffers under {@link #BUFFER_FLOATS} floats.
 *
 * <p>Below a ReLU layer t, a sample's rows of V_t (and of the gradient flowing back through
 * D_t) are zero wherever its unit is off, about half of them; the products {@code V_0 G} and
 * the two weight-sized backward products take those units as {@link RowSparsity} and skip the
 * exact zeros ({@link Kernels#rowSparseGemm}, same bits; {@code V G} on each sample's
 * support x support block only, {@link Kernels#rowSparseGemmMasked}), and {@code sum V^T V} is summed
 * per sample on its support x support block ({@link Kernels#rowSparseGram}).
 */
public final class DeepJacobianNorm implements JacobianNorm {
    /** Budget for the per-chunk buffers, in floats (64 MiB). */
    public static final long BUFFER_FLOATS = 1L << 24;

    private final Kernels kernels;
    private final List<DenseLayer> layers;
    private final List<LayerSlopes> slopes;
    private final JacobianProducts chain;
    private final int last;
    private final int units0;
    private final int codeUnits;
    private final int chunk;
    private final float[] gram;
    private final float[] gramSum;
    /** The gradient of the code layer's weights, transposed (code units x inputs). */
    private final float[] codeGradT;
    private float[] current;
    private float[] other;

    /** The norm of {@code layers} (input to code) for batches of up to {@code maxRows} rows. */
    public DeepJacobianNorm(Kernels kernels, List<DenseLayer> layers, int maxRows) {
        this(kernels, layers, maxRows, BUFFER_FLOATS);
    }

    /** As above with another buffer budget, in floats (tests use a tiny one to force chunks). */
    public DeepJacobianNorm(Kernels kernels, List<DenseLayer> layers, int maxRows, long bufferFloats) {
        this.kernels = kernels;
        this.layers = List.copyOf(layers);
        if (this.layers.size() < 2) {
            throw new IllegalArgumentException("DeepJacobianNorm needs at least two layers");
        }
        this.slopes = LayerSlopes.of(this.layers, maxRows);
        this.last = this.layers.size() - 1;
        this.units0 = this.layers.get(0).outputSize();
        this.codeUnits = this.layers.get(last).outputSize();
        this.chunk = (int) Math.max(1, Math.min(maxRows, bufferFloats / floatsPerSample(this.layers)));
        int maxStacked = chunk * codeUnits;
        this.chain = new JacobianProducts(kernels, this.layers, slopes, maxStacked, true);
        this.gram = new float[units0 * units0];
        this.gramSum = new float[units0 * units0];
        int widest = 0;
        for (int t = 0; t < last; t++) {
            widest = Math.max(widest, this.layers.get(t).outputSize());
        }
        this.current = new float[maxStacked * widest];
        this.other = new float[maxStacked * widest];
        this.codeGradT = new float[codeUnits * this.layers.get(last).inputSize()];
    }

    /** Buffer floats per sample: per code unit, P and V of every layer below the code and two gradient buffers. */
    public static long floatsPerSample(List<DenseLayer> layers) {
        long perRow = 0;
        int widest = 0;
        for (int t = 0; t < layers.size() - 1; t++) {
            perRow += 2L * layers.get(t).outputSize();
            widest = Math.max(widest, layers.get(t).outputSize());
        }
        return layers.get(layers.size() - 1).outputSize() * (perRow + 2L * widest);
    }

    /** Samples per chunk (for tests of the chunking). */
    public int chunk() {
        return chunk;
    }

    @Override
    public double apply(ParameterArena arena, int rows, long stepSeed, double lambda, boolean withGradient) {
        for (LayerSlopes s : slopes) {
            s.prepare(rows, withGradient);
        }
        DenseLayer first = layers.get(0);
        float[] p = arena.params();
        int inputs = first.inputSize();
        kernels.gram(units0, inputs, p, first.weightOffset(), units0, false, gram, 0, units0);
        Arrays.fill(gramSum, 0f);
        chain.transposeCodeWeights(p);
        if (withGradient) {
            Arrays.fill(codeGradT, 0f);
        }
        double scale = lambda / rows;
        for (int s = 0; s < rows; s += chunk) {
            chunk(arena, s, Math.min(chunk, rows - s), scale, withGradient);
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
                    gramSum, 0, units0, true, arena.grads(), first.weightOffset(), units0);
            addCodeGradient(arena.grads());
            for (LayerSlopes s : slopes) {
                s.sendGradient(rows);
            }
        }
        return scale * sum;
    }

    /** Samples {@code [start, start + n)}: adds their {@code V^T V} to {@link #gramSum}, and back-propagates. */
    private void chunk(ParameterArena arena, int start, int n, double scale, boolean withGradient) {
        int stacked = chain.stack(start, n);
        if (stacked == 0) {
            return;
        }
        float[] p = arena.params();
        chain.forward(p, stacked);
        float[] v = chain.scaled(0);
        RowSparsity on0 = chain.support(0);
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
        float[] grads = arena.grads();
        for (int t = 0; t < last; t++) {
            backScaleRows(chain.products(t), slopes.get(t), stacked);
            if (t == last - 1) {
                backwardTopProducts(stacked);
            } else {
                DenseLayer above = layers.get(t + 1);
                int in = above.inputSize();
                int out = above.outputSize();
                RowSparsity on = chain.support(t);
                float[] above1 = chain.scaled(t + 1);
                if (on != null) {
                    kernels.rowSparseGemmTransA(on, out, in, current, 0, in, above1, 0, out,
                            true, grads, above.weightOffset(), out);
                    kernels.rowSparseGemm(on, out, in, current, 0, in, p, above.weightOffset(), out, other, 0, out);
                } else {
                    kernels.gemm(true, false, in, out, stacked, current, 0, in, above1, 0, out,
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
        float[] codeWeightsT = chain.codeWeightsT();
        int[] rowSample = chain.rowSample();
        int[] rowUnit = chain.rowUnit();
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
        int[] rowSample = chain.rowSample();
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
