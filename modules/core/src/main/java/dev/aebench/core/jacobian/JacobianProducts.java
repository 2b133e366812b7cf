package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.RowSparsity;
import dev.aebench.core.nn.DenseLayer;

import java.util.List;

/**
 * The code-side products of a dense stack's Jacobians, shared by {@link DenseJacobian} (the
 * Jacobians themselves) and {@link DeepJacobianNorm} (their norms and gradients).
 *
 * <p>Write layer t (t = 0 .. L-1, L-1 the code) as {@code y_t = act(y_{t-1} W_t + b_t)} (W
 * input-major) and {@code D_t = diag(act'(z_t))}; per sample {@code J = V_0 W_0^T} with
 * {@code V_0 = D_{L-1} W_{L-1}^T ... W_1^T D_0}. From the code side,
 * {@code P_{L-2} = D_{L-1} W_{L-1}^T} is a scaled copy of the code weights, then
 * {@code V_t = P_t D_t} and {@code P_{t-1} = V_t W_t^T}. The rows of a group of samples (one per
 * sample and code unit, {@link #stack}) are stacked, so each layer is one GEMM for the group.
 *
 * <p>With {@code skipZeros}, rows of ReLU code units that are off (zero throughout, so leaving
 * them out is exact) are not stacked, and for each ReLU layer t below the code the units of each
 * sample that are on are listed as a {@link RowSparsity}: the stacked rows of V_t are zero
 * elsewhere.
 */
final class JacobianProducts {
    private final Kernels kernels;
    private final List<DenseLayer> layers;
    private final List<LayerSlopes> slopes;
    private final int last;
    private final int codeUnits;
    private final boolean skipInactiveCodes;
    /** {@code products[t]} holds P_t and {@code scaled[t]} V_t, stacked rows x width of layer t. */
    private final float[][] products;
    private final float[][] scaled;
    /** The code layer's weights transposed (code units x inputs). */
    private final float[] codeWeightsT;
    private final int[] rowSample;
    private final int[] rowUnit;
    /** Per layer below the code: the on units of each sample for ReLU with {@code skipZeros}, else null. */
    private final RowSparsity[] supports;

    /** Products of {@code layers} (input to code) for up to {@code maxStacked} stacked rows. */
    JacobianProducts(Kernels kernels, List<DenseLayer> layers, List<LayerSlopes> slopes, int maxStacked,
                     boolean skipZeros) {
        this.kernels = kernels;
        this.layers = List.copyOf(layers);
        this.slopes = List.copyOf(slopes);
        this.last = this.layers.size() - 1;
        this.codeUnits = this.layers.get(last).outputSize();
        this.skipInactiveCodes = skipZeros && this.layers.get(last).activation() == Activation.RELU;
        this.products = new float[last][];
        this.scaled = new float[last][];
        for (int t = 0; t < last; t++) {
            int width = this.layers.get(t).outputSize();
            products[t] = new float[maxStacked * width];
            scaled[t] = new float[maxStacked * width];
        }
        this.codeWeightsT = new float[codeUnits * this.layers.get(last).inputSize()];
        this.rowSample = new int[maxStacked];
        this.rowUnit = new int[maxStacked];
        this.supports = new RowSparsity[last];
        for (int t = 0; t < last; t++) {
            boolean relu = this.layers.get(t).activation() == Activation.RELU;
            supports[t] = skipZeros && relu ? new RowSparsity() : null;
        }
    }

    /** Copies the code weights transposed, once per parameter update. */
    void transposeCodeWeights(float[] p) {
        DenseLayer code = layers.get(last);
        int width = code.inputSize();
        int w = code.weightOffset();
        for (int k = 0; k < width; k++) {
            for (int c = 0; c < codeUnits; c++) {
                codeWeightsT[c * width + k] = p[w + k * codeUnits + c];
            }
        }
    }

    /** Lists the stacked rows (sample, code unit) of samples {@code [start, start + n)}; returns their count. */
    int stack(int start, int n) {
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

    /** P_t and V_t of every layer below the code for the stacked rows, down to {@code V_0 = }{@link #scaled}(0). */
    void forward(float[] p, int stacked) {
        topProducts(products[last - 1], stacked);
        for (int t = last - 1; t >= 0; t--) {
            if (t < last - 1) {
                DenseLayer above = layers.get(t + 1);
                kernels.gemm(false, true, stacked, above.inputSize(), above.outputSize(), scaled[t + 1], 0,
                        above.outputSize(), p, above.weightOffset(), above.outputSize(), false, products[t], 0,
                        above.inputSize());
            }
            scaleRows(products[t], scaled[t], slopes.get(t), stacked);
        }
    }

    /** {@code q[(b,c), k] = D_{L-1}[b,c] W_{L-1}[k,c]} (the code layer's slopes are diagonal), into {@code q}. */
    void topProducts(float[] q, int stacked) {
        int width = layers.get(last).inputSize();
        float[] d = slopes.get(last).slope();
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

    /** P_t, stacked rows x width of layer t (t below the code). */
    float[] products(int t) {
        return products[t];
    }

    /** V_t, stacked rows x width of layer t (t below the code). */
    float[] scaled(int t) {
        return scaled[t];
    }

    float[] codeWeightsT() {
        return codeWeightsT;
    }

    /** The sample of each stacked row. */
    int[] rowSample() {
        return rowSample;
    }

    /** The code unit of each stacked row. */
    int[] rowUnit() {
        return rowUnit;
    }

    /** The on units of layer t's samples (ReLU with {@code skipZeros}), or null. */
    RowSparsity support(int t) {
        return supports[t];
    }
}
