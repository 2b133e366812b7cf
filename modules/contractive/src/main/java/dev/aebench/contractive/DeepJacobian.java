package dev.aebench.contractive;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.objective.EncoderState;

import java.util.List;

/**
 * The exact squared Frobenius norm of the Jacobian of an encoder of two or more dense layers,
 * and its exact gradient, with batched GEMMs.
 *
 * <p>Write layer t as {@code y_t = act(y_{t-1} W_t + b_t)} (W input-major) and
 * {@code D_t = act'(z_t)}. Per sample the transposed Jacobian is
 * {@code J^T = W_1 D_1 W_2 D_2 ... W_L D_L}. With {@code U_t = D_1 W_2 D_2 ... W_t D_t}
 * ({@code n1 x n_t}, the Jacobian of layer t with respect to the first layer's pre-activations,
 * transposed) and {@code G = W_1^T W_1} (once per step), {@code ||J||^2 = tr(U_L^T G U_L)}, which
 * never forms the {@code inputDim}-wide Jacobian.
 *
 * <p>The {@code U_t} of a chunk of samples are stacked as an {@code (n1 * samples) x n_t} matrix
 * whose rows are ordered unit-major ({@code row = i * samples + b}), so that one GEMM per layer
 * carries every sample ({@code Q_t = U_{t-1} W_t}, then {@code U_t = Q_t D_t} row by row) and
 * the final {@code G U_L} is a single {@code n1 x n1} times {@code n1 x (samples * n_L)} GEMM.
 * The backward pass runs the same products in reverse; gradients with respect to the slopes go
 * to {@link LayerSlopes}, weight gradients to the arena, and {@code dP/dG} ({@code s * sum U U^T})
 * becomes {@code dW_1 += 2 W_1 dP/dG} once per step. Samples are processed in chunks that keep
 * the buffers under {@link #BUFFER_FLOATS} floats.
 */
final class DeepJacobian {
    /** Budget for the per-chunk buffers, in floats (32 MiB). */
    static final long BUFFER_FLOATS = 1L << 23;

    private final Kernels kernels;
    private final List<DenseLayer> layers;
    private final List<LayerSlopes> slopes;
    private final int units1;
    private final int chunk;
    private final float[] gram;
    private final float[] gramGradient;
    private final float[][] products;
    private final float[][] scaled;
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
        this.units1 = layers.get(0).outputSize();
        long widths = 0;
        int widest = 0;
        for (int t = 1; t < layers.size(); t++) {
            widths += layers.get(t).outputSize();
            widest = Math.max(widest, layers.get(t).outputSize());
        }
        long perSample = (long) units1 * (2 * widths + 2L * widest);
        this.chunk = (int) Math.max(1, Math.min(e.maxRows(), bufferFloats / perSample));
        this.gram = new float[units1 * units1];
        this.gramGradient = new float[units1 * units1];
        this.products = new float[layers.size()][];
        this.scaled = new float[layers.size()][];
        for (int t = 1; t < layers.size(); t++) {
            products[t] = new float[chunk * units1 * layers.get(t).outputSize()];
            scaled[t] = new float[chunk * units1 * layers.get(t).outputSize()];
        }
        this.current = new float[chunk * units1 * widest];
        this.other = new float[chunk * units1 * widest];
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
        kernels.gemm(true, false, units1, units1, inputs, p, first.weightOffset(), units1,
                p, first.weightOffset(), units1, false, gram, 0, units1);
        if (withGradient) {
            java.util.Arrays.fill(gramGradient, 0f);
        }
        double scale = lambda / rows;
        double sum = 0;
        for (int s = 0; s < rows; s += chunk) {
            sum += chunk(e, s, Math.min(chunk, rows - s), scale, withGradient);
        }
        if (withGradient) {
            float twoScale = (float) (2 * scale);
            for (int i = 0; i < gramGradient.length; i++) {
                gramGradient[i] *= twoScale;
            }
            kernels.gemm(false, false, inputs, units1, units1, p, first.weightOffset(), units1,
                    gramGradient, 0, units1, true, e.arena().grads(), first.weightOffset(), units1);
            for (LayerSlopes s : slopes) {
                s.sendGradient(rows);
            }
        }
        return scale * sum;
    }

    /** Samples {@code [start, start + n)}: returns the sum of their squared Jacobian norms. */
    private double chunk(EncoderState e, int start, int n, double scale, boolean withGradient) {
        float[] p = e.arena().params();
        int stacked = units1 * n;
        int last = layers.size() - 1;
        forwardSecondLayer(p, start, n);
        for (int t = 2; t <= last; t++) {
            DenseLayer l = layers.get(t);
            kernels.gemm(false, false, stacked, l.outputSize(), l.inputSize(), scaled[t - 1], 0, l.inputSize(),
                    p, l.weightOffset(), l.outputSize(), false, products[t], 0, l.outputSize());
            scaleRows(products[t], scaled[t], slopes.get(t), start, n);
        }
        int codeUnits = layers.get(last).outputSize();
        int cols = n * codeUnits;
        float[] u = scaled[last];
        kernels.gemm(false, false, units1, cols, units1, gram, 0, units1, u, 0, cols, false, current, 0, cols);
        double sum = 0;
        for (int i = 0; i < units1 * cols; i++) {
            sum += u[i] * current[i];
        }
        if (!withGradient) {
            return sum;
        }
        kernels.gemm(false, true, units1, units1, cols, u, 0, cols, u, 0, cols, true, gramGradient, 0, units1);
        float twoScale = (float) (2 * scale);
        for (int i = 0; i < units1 * cols; i++) {
            current[i] *= twoScale;
        }
        float[] grads = e.arena().grads();
        for (int t = last; t >= 2; t--) {
            DenseLayer l = layers.get(t);
            backScaleRows(products[t], slopes.get(t), start, n);
            kernels.gemm(true, false, l.inputSize(), l.outputSize(), stacked, scaled[t - 1], 0, l.inputSize(),
                    current, 0, l.outputSize(), true, grads, l.weightOffset(), l.outputSize());
            kernels.gemm(false, true, stacked, l.inputSize(), l.outputSize(), current, 0, l.outputSize(),
                    p, l.weightOffset(), l.outputSize(), false, other, 0, l.inputSize());
            float[] swap = current;
            current = other;
            other = swap;
        }
        backScaleRows(products[1], slopes.get(1), start, n);
        backwardSecondLayer(p, grads, start, n);
        return sum;
    }

    /** {@code Q_1[(i,b)] = D_0[b,i] W_1[i,:]} and {@code U_1 = Q_1 D_1}: U_0 is diagonal. */
    private void forwardSecondLayer(float[] p, int start, int n) {
        DenseLayer second = layers.get(1);
        int width = second.outputSize();
        int w = second.weightOffset();
        float[] d0 = slopes.get(0).slope();
        float[] d1 = slopes.get(1).slope();
        float[] q = products[1];
        float[] u = scaled[1];
        for (int i = 0; i < units1; i++) {
            for (int b = 0; b < n; b++) {
                float di = d0[(start + b) * units1 + i];
                int row = (i * n + b) * width;
                int slopeRow = (start + b) * width;
                for (int k = 0; k < width; k++) {
                    float v = di * p[w + i * width + k];
                    q[row + k] = v;
                    u[row + k] = v * d1[slopeRow + k];
                }
            }
        }
    }

    /** {@code U_t = Q_t D_t}, row {@code (i,b)} scaled by sample b's slopes. */
    private void scaleRows(float[] q, float[] u, LayerSlopes s, int start, int n) {
        int width = s.units();
        float[] d = s.slope();
        for (int i = 0; i < units1; i++) {
            for (int b = 0; b < n; b++) {
                int row = (i * n + b) * width;
                int slopeRow = (start + b) * width;
                for (int k = 0; k < width; k++) {
                    u[row + k] = q[row + k] * d[slopeRow + k];
                }
            }
        }
    }

    /**
     * With {@link #current} holding {@code dP/dU_t}: adds {@code sum_i dU_t * Q_t} to the slope
     * gradient and turns {@link #current} into {@code dP/dQ_t = dP/dU_t D_t}.
     */
    private void backScaleRows(float[] q, LayerSlopes s, int start, int n) {
        int width = s.units();
        float[] d = s.slope();
        float[] dd = s.slopeGradient();
        float[] c = current;
        for (int i = 0; i < units1; i++) {
            for (int b = 0; b < n; b++) {
                int row = (i * n + b) * width;
                int slopeRow = (start + b) * width;
                for (int k = 0; k < width; k++) {
                    float g = c[row + k];
                    dd[slopeRow + k] = Math.fma(g, q[row + k], dd[slopeRow + k]);
                    c[row + k] = g * d[slopeRow + k];
                }
            }
        }
    }

    /** From {@code dP/dQ_1}: {@code dW_1[i,k] += sum_b D_0[b,i] dQ} and {@code dD_0[b,i] += dQ . W_1[i,:]}. */
    private void backwardSecondLayer(float[] p, float[] grads, int start, int n) {
        DenseLayer second = layers.get(1);
        int width = second.outputSize();
        int w = second.weightOffset();
        float[] d0 = slopes.get(0).slope();
        float[] dd0 = slopes.get(0).slopeGradient();
        float[] c = current;
        for (int i = 0; i < units1; i++) {
            int wRow = w + i * width;
            for (int b = 0; b < n; b++) {
                int slopeIndex = (start + b) * units1 + i;
                float di = d0[slopeIndex];
                int row = (i * n + b) * width;
                float dot = 0f;
                for (int k = 0; k < width; k++) {
                    float g = c[row + k];
                    grads[wRow + k] = Math.fma(di, g, grads[wRow + k]);
                    dot = Math.fma(g, p[wRow + k], dot);
                }
                dd0[slopeIndex] += dot;
            }
        }
    }
}
