package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.ParameterArena;

import java.util.List;

/**
 * Hutchinson's estimate of the squared Frobenius norm of a dense encoder's Jacobian,
 * {@code ||J||_F^2 = E_v ||J v||^2} with {@code v ~ N(0, I)}, averaged over k probes per
 * sample, and the exact gradient of that estimate (an unbiased estimate of the exact gradient).
 *
 * <p>The probes are pushed forward through the layers as a batch of {@code samples * k} rows
 * (Jacobian-vector products): {@code A_t = T_{t-1} W_t} (one GEMM) and {@code T_t = A_t D_t},
 * starting from {@code T_0 = V}; the estimate is {@code sum ||T_L||^2 / k}. The backward pass
 * mirrors it with two GEMMs per layer, like an ordinary backward pass, so the cost is about k
 * extra forward and backward passes of the encoder. Probes are drawn from the step seed, so a
 * step is reproducible and a finite-difference check sees the same probes every time. Samples
 * are processed in chunks that keep the buffers under {@link #BUFFER_FLOATS} floats (a whole
 * batch of up to 1000 samples for the reference sizes); each chunk draws its own stream, so the
 * probes depend on the chunking as well as on the step seed.
 */
public final class HutchinsonJacobianNorm implements JacobianNorm {
    /** Budget for the per-chunk buffers, in floats (32 MiB). */
    public static final long BUFFER_FLOATS = 1L << 23;
    /** Separates the probe stream from other uses of the step seed (the corruption). */
    private static final long PROBE_STREAM = 0x4875_7463_6869L;

    private final Kernels kernels;
    private final List<DenseLayer> layers;
    private final List<LayerSlopes> slopes;
    private final int probes;
    private final int chunk;
    private final float[] probe;
    private final float[][] products;
    private final float[][] tangents;
    private float[] current;
    private float[] other;

    /** The estimate for {@code layers} (input to code), batches of up to {@code maxRows} rows, k = {@code probes}. */
    public HutchinsonJacobianNorm(Kernels kernels, List<DenseLayer> layers, int maxRows, int probes) {
        this(kernels, layers, maxRows, probes, BUFFER_FLOATS);
    }

    /** As above with another buffer budget, in floats (tests use a tiny one to force chunks). */
    public HutchinsonJacobianNorm(Kernels kernels, List<DenseLayer> layers, int maxRows, int probes, long bufferFloats) {
        if (probes < 1) {
            throw new IllegalArgumentException("probes: at least 1, found " + probes);
        }
        this.kernels = kernels;
        this.layers = List.copyOf(layers);
        this.slopes = LayerSlopes.of(this.layers, maxRows);
        this.probes = probes;
        int inputs = this.layers.get(0).inputSize();
        long widths = 0;
        int widest = inputs;
        for (DenseLayer l : this.layers) {
            widths += l.outputSize();
            widest = Math.max(widest, l.outputSize());
        }
        long perSample = (long) probes * (inputs + 2 * widths + 2L * widest);
        this.chunk = (int) Math.max(1, Math.min(maxRows, bufferFloats / perSample));
        int rowsPerChunk = chunk * probes;
        this.probe = new float[rowsPerChunk * inputs];
        this.products = new float[this.layers.size()][];
        this.tangents = new float[this.layers.size()][];
        for (int t = 0; t < this.layers.size(); t++) {
            products[t] = new float[rowsPerChunk * this.layers.get(t).outputSize()];
            tangents[t] = new float[rowsPerChunk * this.layers.get(t).outputSize()];
        }
        this.current = new float[rowsPerChunk * widest];
        this.other = new float[rowsPerChunk * widest];
    }

    /** Samples per chunk (for tests of the chunking). */
    public int chunk() {
        return chunk;
    }

    public int probes() {
        return probes;
    }

    @Override
    public double apply(ParameterArena arena, int rows, long stepSeed, double lambda, boolean withGradient) {
        for (LayerSlopes s : slopes) {
            s.prepare(rows, withGradient);
        }
        long stream = CounterRandom.derive(stepSeed, PROBE_STREAM);
        double scale = lambda / rows;
        double sum = 0;
        int index = 0;
        for (int s = 0; s < rows; s += chunk) {
            sum += chunk(arena, s, Math.min(chunk, rows - s), CounterRandom.derive(stream, index++), scale,
                    withGradient);
        }
        if (withGradient) {
            for (LayerSlopes s : slopes) {
                s.sendGradient(rows);
            }
        }
        return scale * sum;
    }

    /** Samples {@code [start, start + n)}: returns the sum of their estimates. */
    private double chunk(ParameterArena arena, int start, int n, long seed, double scale, boolean withGradient) {
        float[] p = arena.params();
        int rows = n * probes;
        int inputs = layers.get(0).inputSize();
        kernels.gaussian(seed, probe, 0, rows * inputs);
        float[] below = probe;
        for (int t = 0; t < layers.size(); t++) {
            DenseLayer l = layers.get(t);
            kernels.gemm(false, false, rows, l.outputSize(), l.inputSize(), below, 0, l.inputSize(),
                    p, l.weightOffset(), l.outputSize(), false, products[t], 0, l.outputSize());
            LayerSlopes s = slopes.get(t);
            int width = s.units();
            float[] d = s.slope();
            float[] a = products[t];
            float[] tan = tangents[t];
            for (int r = 0; r < rows; r++) {
                int row = r * width;
                int slopeRow = (start + r / probes) * width;
                for (int k = 0; k < width; k++) {
                    tan[row + k] = a[row + k] * d[slopeRow + k];
                }
            }
            below = tan;
        }
        int last = layers.size() - 1;
        int codeUnits = layers.get(last).outputSize();
        float[] code = tangents[last];
        double sum = 0;
        for (int i = 0; i < rows * codeUnits; i++) {
            sum += code[i] * code[i];
        }
        sum /= probes;
        if (!withGradient) {
            return sum;
        }
        float factor = (float) (2 * scale / probes);
        for (int i = 0; i < rows * codeUnits; i++) {
            current[i] = factor * code[i];
        }
        float[] grads = arena.grads();
        for (int t = last; t >= 0; t--) {
            DenseLayer l = layers.get(t);
            LayerSlopes s = slopes.get(t);
            int width = s.units();
            float[] d = s.slope();
            float[] dd = s.slopeGradient();
            float[] a = products[t];
            float[] c = current;
            boolean slopeGradient = s.needsGradient();
            for (int r = 0; r < rows; r++) {
                int row = r * width;
                int slopeRow = (start + r / probes) * width;
                if (slopeGradient) {
                    for (int k = 0; k < width; k++) {
                        dd[slopeRow + k] = Math.fma(c[row + k], a[row + k], dd[slopeRow + k]);
                    }
                }
                for (int k = 0; k < width; k++) {
                    c[row + k] *= d[slopeRow + k];
                }
            }
            float[] input = t > 0 ? tangents[t - 1] : probe;
            kernels.gemm(true, false, l.inputSize(), width, rows, input, 0, l.inputSize(),
                    current, 0, width, true, grads, l.weightOffset(), width);
            if (t > 0) {
                kernels.gemm(false, true, rows, l.inputSize(), width, current, 0, width,
                        p, l.weightOffset(), width, false, other, 0, l.inputSize());
                float[] swap = current;
                current = other;
                other = swap;
            }
        }
        return sum;
    }
}
