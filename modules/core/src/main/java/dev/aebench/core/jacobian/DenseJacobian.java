package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.DenseLayer;

import java.util.List;

/**
 * The exact Jacobians of a stack of dense layers {@code y_t = act(y_{t-1} W_t + b_t)} (W
 * input-major) at a batch of inputs. With {@code D_t = diag(act'(z_t))} the Jacobian of a
 * sample is {@code J = D_L W_L^T D_{L-1} W_{L-1}^T ... D_0 W_0^T}; it is built from the code
 * side by {@link JacobianProducts} (each sample's code rows stacked, one scaling by the sample's
 * slopes and one NT GEMM per layer for the whole batch), and the last product with
 * {@code W_0^T} gives the {@code rows*code x inputDim} block of every Jacobian.
 */
public final class DenseJacobian {
    private final Kernels kernels;
    private final List<DenseLayer> layers;
    private final List<LayerSlopes> slopes;
    private final JacobianProducts products;
    private final int rowsPerCall;

    /** Layers from input to code, whose buffers hold at least {@code maxRows} rows. */
    public DenseJacobian(Kernels kernels, List<DenseLayer> layers, int maxRows) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a Jacobian needs at least one layer");
        }
        this.kernels = kernels;
        this.layers = List.copyOf(layers);
        int code = this.layers.get(this.layers.size() - 1).outputSize();
        int widest = 0;
        for (DenseLayer l : this.layers) {
            widest = Math.max(widest, Math.max(l.inputSize(), l.outputSize()));
        }
        this.rowsPerCall = Math.max(1, Math.min(maxRows, (1 << 22) / (code * widest)));
        this.slopes = LayerSlopes.of(this.layers, rowsPerCall);
        this.products = new JacobianProducts(kernels, this.layers, slopes, rowsPerCall * code, false);
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
        for (LayerSlopes s : slopes) {
            s.prepare(rows, false);
        }
        DenseLayer first = layers.get(0);
        float[] p = first.arena().params();
        products.transposeCodeWeights(p);
        int stacked = products.stack(0, rows);
        if (layers.size() == 1) {
            products.topProducts(out, stacked);
            return;
        }
        products.forward(p, stacked);
        int units = first.outputSize();
        kernels.gemm(false, true, stacked, first.inputSize(), units, products.scaled(0), 0, units, p,
                first.weightOffset(), units, false, out, 0, first.inputSize());
    }
}
