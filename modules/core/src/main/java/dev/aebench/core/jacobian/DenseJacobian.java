package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.DenseLayer;

import java.util.List;

/**
 * The exact Jacobians of a stack of dense layers {@code y_t = act(y_{t-1} W_t + b_t)} (W
 * input-major) at a batch of inputs. With {@code D_t = diag(act'(z_t))} the Jacobian of a
 * sample is {@code J = D_L W_L^T D_{L-1} W_{L-1}^T ... D_0 W_0^T}; it is built from the code
 * side: each sample's code rows {@code D_L W_L^T} are stacked, and each layer below is one
 * scaling by the sample's slopes and one NT GEMM for the whole batch, so the last product is the
 * {@code rows*code x inputDim} block of every Jacobian.
 */
public final class DenseJacobian {
    private final Kernels kernels;
    private final List<DenseLayer> layers;
    private final int rowsPerCall;
    private final float[] slopes;
    private float[] current;
    private float[] next;

    /** Layers from input to code, whose buffers hold at least {@code maxRows} rows. */
    public DenseJacobian(Kernels kernels, List<DenseLayer> layers, int maxRows) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a Jacobian needs at least one layer");
        }
        this.kernels = kernels;
        this.layers = List.copyOf(layers);
        int code = this.layers.get(this.layers.size() - 1).outputSize();
        int widest = 0;
        int widestOut = 0;
        for (DenseLayer l : this.layers) {
            widest = Math.max(widest, Math.max(l.inputSize(), l.outputSize()));
            widestOut = Math.max(widestOut, l.outputSize());
        }
        this.rowsPerCall = Math.max(1, Math.min(maxRows, (1 << 22) / (code * widest)));
        this.slopes = new float[rowsPerCall * widestOut];
        this.current = new float[rowsPerCall * code * widest];
        this.next = new float[rowsPerCall * code * widest];
    }

    public int inputDim() {
        return layers.get(0).inputSize();
    }

    public int codeDim() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** The most rows one {@link #jacobians} call takes. */
    public int rowsPerCall() {
        return rowsPerCall;
    }

    /** Jacobians at {@code rows} rows of {@code x}, laid out as {@link DifferentiableEncoder#jacobians}. */
    public void jacobians(float[] x, int rows, float[] out) {
        if (rows > rowsPerCall) {
            throw new IllegalArgumentException("at most " + rowsPerCall + " rows per call, found " + rows);
        }
        float[] in = x;
        for (DenseLayer l : layers) {
            l.forward(in, rows);
            in = l.output();
        }
        int code = codeDim();
        int stacked = rows * code;
        int top = layers.size() - 1;
        DenseLayer last = layers.get(top);
        fillSlopes(last, rows);
        float[] p = last.arena().params();
        int width = last.inputSize();
        int w = last.weightOffset();
        float[] q = top == 0 ? out : current;
        for (int b = 0; b < rows; b++) {
            for (int c = 0; c < code; c++) {
                float d = slopes[b * code + c];
                int row = (b * code + c) * width;
                for (int k = 0; k < width; k++) {
                    q[row + k] = d * p[w + k * code + c];
                }
            }
        }
        for (int t = top - 1; t >= 0; t--) {
            DenseLayer l = layers.get(t);
            int units = l.outputSize();
            fillSlopes(l, rows);
            for (int r = 0; r < stacked; r++) {
                int row = r * units;
                int s = (r / code) * units;
                for (int k = 0; k < units; k++) {
                    current[row + k] *= slopes[s + k];
                }
            }
            float[] target = t == 0 ? out : next;
            kernels.gemm(false, true, stacked, l.inputSize(), units, current, 0, units, l.arena().params(),
                    l.weightOffset(), units, false, target, 0, l.inputSize());
            float[] swap = current;
            current = next;
            next = swap;
        }
    }

    private void fillSlopes(DenseLayer l, int rows) {
        float[] y = l.output();
        for (int i = 0, n = rows * l.outputSize(); i < n; i++) {
            slopes[i] = l.activation().derivativeFromOutput(y[i]);
        }
    }
}
