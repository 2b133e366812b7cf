package dev.aebench.core.nn;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.dense.DenseSpec;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.LossKind;
import dev.aebench.core.kernel.ScalarKernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.testing.FiniteDifferences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central finite differences against the hand-written backward passes. Parameters are float, so
 * the real step is {@code (float) (p + h) - p}; objectives are summed in double from the float
 * activations. A gradient passes when {@code |analytic - numeric| <= REL * max(|a|, |n|) + ABS * scale},
 * where scale is the largest analytic gradient of the check.
 */
class GradientCheckTest {

    private static final double REL = 1e-2;
    private static final double ABS = 1e-3;

    private static Kernels scalar;
    private static Kernels vector;

    @BeforeAll
    static void start() {
        scalar = new ScalarKernels(1);
        vector = new VectorKernels(1);
    }

    @AfterAll
    static void stop() {
        scalar.close();
        vector.close();
    }

    private static float[] random(int n, double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(lo, hi);
        }
        return x;
    }

    /**
     * Compares {@code analytic[i]} with the central difference of {@code objective} in
     * {@code values[i]}, for every i in {@code [from, to)}, with {@link FiniteDifferences};
     * returns how many were compared.
     */
    private static int compare(String what, float[] values, int from, int to, double[] analytic, float h,
                               DoubleSupplier objective) {
        double scale = 0;
        float[] expected = new float[values.length];
        int[] indices = new int[to - from];
        for (int i = from; i < to; i++) {
            scale = Math.max(scale, Math.abs(analytic[i - from]));
            expected[i] = (float) analytic[i - from];
            indices[i - from] = i;
        }
        assertTrue(scale > 0, what + ": all analytic gradients are zero");
        return FiniteDifferences.check(values, indices, expected, objective::getAsDouble, null, h, ABS * scale, REL)
                .assertPassed(what).checked();
    }

    private static double[] toDouble(float[] x, int from, int to) {
        double[] d = new double[to - from];
        for (int i = from; i < to; i++) {
            d[i - from] = x[i];
        }
        return d;
    }

    /** sum over r, j of R[r, j] * y[r, j], in double: a loss whose gradient wrt y is R. */
    private static double dot(float[] y, float[] r, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) y[i] * r[i];
        }
        return s;
    }

    // ---- layers ----

    @Test
    void denseLayerEveryActivation() {
        int rows = 5;
        int in = 7;
        int out = 6;
        for (Activation act : Activation.values()) {
            for (Kernels k : List.of(scalar, vector)) {
                ParameterArena arena = new ParameterArena();
                arena.reserve(3); // the layer does not start at offset 0
                DenseLayer layer = new DenseLayer(k, arena, in, out, act, rows);
                arena.seal();
                layer.initUniform(11);
                float[] x = random(rows * in, -1, 1, 12);
                float[] r = random(rows * out, -1, 1, 13);
                DoubleSupplier objective = () -> {
                    layer.forward(x, rows);
                    return dot(layer.output(), r, rows * out);
                };
                if (act == Activation.RELU) {
                    // keep every pre-activation at least 0.01 away from the kink, so h = 1e-3 never crosses it
                    float[] p = arena.params();
                    int col;
                    for (int tries = 0; tries < 100 && (col = nearKink(layer, x, rows, 0.01f)) >= 0; tries++) {
                        p[layer.biasOffset() + col] += 0.03f;
                    }
                    assertEquals(-1, nearKink(layer, x, rows, 0.01f), "could not move relu pre-activations off zero");
                    int zeros = 0;
                    layer.forward(x, rows);
                    for (int i = 0; i < rows * out; i++) {
                        zeros += layer.output()[i] == 0f ? 1 : 0;
                    }
                    assertTrue(zeros > 0 && zeros < rows * out, "both sides of the relu are exercised: " + zeros);
                }
                // analytic
                layer.forward(x, rows);
                System.arraycopy(r, 0, layer.gradOutput(), 0, rows * out);
                float[] gradIn = new float[rows * in];
                arena.zeroGrads();
                layer.backward(x, rows, gradIn, false);
                String what = "dense " + act + " " + k.name();
                int n = layer.parameterCount();
                assertEquals(in * out + out, n);
                int off = layer.weightOffset();
                assertEquals(3, off);
                assertEquals(off + in * out, layer.biasOffset());
                compare(what + " params", arena.params(), off, off + n, toDouble(arena.grads(), off, off + n), 1e-3f,
                        objective);
                compare(what + " input", x, 0, rows * in, toDouble(gradIn, 0, rows * in), 1e-3f, objective);
                for (int i = 0; i < 3; i++) {
                    assertEquals(0f, arena.grads()[i], "no gradient outside the layer's slice");
                }
                // accumulate: a second backward adds to the input gradient and to the arena
                float[] g1 = arena.grads().clone();
                layer.forward(x, rows);
                System.arraycopy(r, 0, layer.gradOutput(), 0, rows * out);
                float[] gradIn2 = gradIn.clone();
                layer.backward(x, rows, gradIn2, true);
                for (int i = 0; i < gradIn.length; i++) {
                    assertEquals(2 * gradIn[i], gradIn2[i], 1e-5 + 1e-5 * Math.abs(gradIn[i]), "accumulated input gradient");
                }
                for (int i = off; i < off + n; i++) {
                    assertEquals(2 * g1[i], arena.grads()[i], 1e-5 + 1e-5 * Math.abs(g1[i]), "accumulated param gradient");
                }
            }
        }
    }

    /** A column with a pre-activation closer than {@code margin} to zero, or -1. */
    private static int nearKink(DenseLayer layer, float[] x, int rows, float margin) {
        float[] p = layer.arena().params();
        int in = layer.inputSize();
        int out = layer.outputSize();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < out; j++) {
                double z = p[layer.biasOffset() + j];
                for (int i = 0; i < in; i++) {
                    z += (double) x[r * in + i] * p[layer.weightOffset() + i * out + j];
                }
                if (Math.abs(z) < margin) {
                    return j;
                }
            }
        }
        return -1;
    }

    @Test
    void tiedDenseLayer() {
        int rows = 4;
        int code = 5;
        int visible = 9;
        for (Activation act : new Activation[] {Activation.SIGMOID, Activation.IDENTITY, Activation.TANH}) {
            for (Kernels k : List.of(scalar, vector)) {
                ParameterArena arena = new ParameterArena();
                DenseLayer encoder = new DenseLayer(k, arena, visible, code, Activation.SIGMOID, rows);
                TiedDenseLayer decoder = new TiedDenseLayer(k, encoder, act, rows);
                arena.seal();
                encoder.initUniform(21);
                decoder.initUniform(22);
                assertEquals(code, decoder.inputSize());
                assertEquals(visible, decoder.outputSize());
                assertEquals(visible, decoder.parameterCount(), "a tied layer owns only its bias");
                float[] h = random(rows * code, 0, 1, 23);
                float[] r = random(rows * visible, -1, 1, 24);
                DoubleSupplier objective = () -> {
                    decoder.forward(h, rows);
                    return dot(decoder.output(), r, rows * visible);
                };
                decoder.forward(h, rows);
                System.arraycopy(r, 0, decoder.gradOutput(), 0, rows * visible);
                float[] gradIn = new float[rows * code];
                arena.zeroGrads();
                decoder.backward(h, rows, gradIn, false);
                String what = "tied " + act + " " + k.name();
                int w = encoder.weightOffset();
                int wn = visible * code;
                compare(what + " shared weights", arena.params(), w, w + wn, toDouble(arena.grads(), w, w + wn), 1e-3f,
                        objective);
                for (int i = encoder.biasOffset(); i < encoder.biasOffset() + code; i++) {
                    assertEquals(0f, arena.grads()[i], "the decoder does not touch the encoder's bias");
                }
                int b = encoder.biasOffset() + code; // the tied bias is reserved right after the encoder
                compare(what + " own bias", arena.params(), b, b + visible, toDouble(arena.grads(), b, b + visible),
                        1e-3f, objective);
                compare(what + " input", h, 0, rows * code, toDouble(gradIn, 0, rows * code), 1e-3f, objective);
            }
        }
    }

    // ---- whole models ----

    private static final int SIDE = 5;
    private static final int ROWS = 6;

    private static DenseAutoencoder model(Kernels k, int[] hidden, Activation hiddenAct, Activation output,
                                          boolean tied, LossKind loss) {
        DenseSpec spec = new DenseSpec(hidden, hiddenAct, output, tied, loss, 1e-3f, ROWS, "none", "none");
        return new DenseAutoencoder(spec, new ModelContext(SIDE, SIDE, 5, k), ObjectiveRegistry.load());
    }

    /** The mean reconstruction loss of the last forward pass, recomputed in double. */
    private static double lossOf(DenseAutoencoder m, LossKind kind, float[] batch) {
        float[] y = m.decoderLayers().get(m.decoderLayers().size() - 1).output();
        int n = ROWS * SIDE * SIDE;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double yi = y[i];
            double t = batch[i];
            if (kind == LossKind.MSE) {
                s += (yi - t) * (yi - t);
            } else {
                s -= t * Math.log(yi) + (1 - t) * Math.log(1 - yi);
            }
        }
        return s / n;
    }

    private static float[] batch() {
        Dataset d = SyntheticImages.generate(ROWS, SIDE, 3, 99);
        return d.x().clone();
    }

    /** Checks every parameter of the model, and returns its analytic gradient. */
    private static float[] checkModel(Kernels k, int[] hidden, Activation hiddenAct, Activation output, boolean tied,
                                      LossKind loss) {
        DenseAutoencoder m = model(k, hidden, hiddenAct, output, tied, loss);
        float[] x = batch();
        String what = "model " + java.util.Arrays.toString(hidden) + " " + hiddenAct + "/" + output
                + (tied ? " tied " : " ") + loss + " " + k.name();
        double value = m.forwardBackward(x, ROWS, 1);
        assertEquals(lossOf(m, loss, x), value, 1e-6 * Math.abs(value), what + ": returned objective");
        float[] analytic = m.arena().grads().clone();
        int n = (int) m.parameterCount();
        assertEquals(m.arena().size(), n);
        DoubleSupplier objective = () -> {
            m.forwardBackward(x, ROWS, 1);
            return lossOf(m, loss, x);
        };
        compare(what, m.arena().params(), 0, n, toDouble(analytic, 0, n), 1e-2f, objective);
        // forwardBackward starts from zero gradients each time: the same call gives the same gradient
        m.forwardBackward(x, ROWS, 1);
        assertTrue(java.util.Arrays.equals(analytic, m.arena().grads()), what + ": gradients do not pile up");
        return analytic;
    }

    @Test
    void shallowUntiedMseAndBce() {
        checkModel(scalar, new int[] {4}, Activation.SIGMOID, Activation.SIGMOID, false, LossKind.MSE);
        checkModel(scalar, new int[] {4}, Activation.SIGMOID, Activation.SIGMOID, false, LossKind.BCE);
        checkModel(scalar, new int[] {4}, Activation.TANH, Activation.IDENTITY, false, LossKind.MSE);
    }

    @Test
    void shallowTiedMseAndBce() {
        checkModel(scalar, new int[] {4}, Activation.SIGMOID, Activation.SIGMOID, true, LossKind.MSE);
        checkModel(scalar, new int[] {4}, Activation.SIGMOID, Activation.SIGMOID, true, LossKind.BCE);
        checkModel(scalar, new int[] {4}, Activation.IDENTITY, Activation.IDENTITY, true, LossKind.MSE);
    }

    @Test
    void twoLayerUntiedMseAndBce() {
        checkModel(scalar, new int[] {7, 3}, Activation.TANH, Activation.SIGMOID, false, LossKind.MSE);
        checkModel(scalar, new int[] {7, 3}, Activation.SIGMOID, Activation.SIGMOID, false, LossKind.BCE);
    }

    @Test
    void twoLayerTiedMseAndBce() {
        checkModel(scalar, new int[] {7, 3}, Activation.SIGMOID, Activation.SIGMOID, true, LossKind.MSE);
        checkModel(scalar, new int[] {7, 3}, Activation.TANH, Activation.SIGMOID, true, LossKind.BCE);
    }

    @Test
    void vectorKernelsGiveTheSameGradients() {
        Object[][] cases = {
            {new int[] {4}, Activation.SIGMOID, Activation.SIGMOID, false, LossKind.BCE},
            {new int[] {7, 3}, Activation.TANH, Activation.SIGMOID, true, LossKind.MSE},
            {new int[] {20, 17}, Activation.RELU, Activation.IDENTITY, false, LossKind.MSE},
        };
        for (Object[] c : cases) {
            int[] hidden = (int[]) c[0];
            Activation act = (Activation) c[1];
            Activation output = (Activation) c[2];
            boolean tied = (Boolean) c[3];
            LossKind loss = (LossKind) c[4];
            float[] x = batch();
            DenseAutoencoder ms = model(scalar, hidden, act, output, tied, loss);
            DenseAutoencoder mv = model(vector, hidden, act, output, tied, loss);
            assertTrue(java.util.Arrays.equals(ms.arena().params(), mv.arena().params()), "same initial parameters");
            double ls = ms.forwardBackward(x, ROWS, 1);
            double lv = mv.forwardBackward(x, ROWS, 1);
            assertEquals(ls, lv, 1e-6 * Math.abs(ls), "vector vs scalar objective");
            float[] gs = ms.arena().grads();
            float[] gv = mv.arena().grads();
            double scale = 0;
            for (float g : gs) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertTrue(scale > 0);
            for (int i = 0; i < gs.length; i++) {
                assertEquals(gs[i], gv[i], 1e-4 * scale + 1e-4 * Math.abs(gs[i]),
                        "vector vs scalar gradient " + i + " of " + java.util.Arrays.toString(hidden) + " " + act);
            }
        }
        // and the vector kernels pass the finite-difference check themselves
        checkModel(vector, new int[] {7, 3}, Activation.SIGMOID, Activation.SIGMOID, false, LossKind.BCE);
        checkModel(vector, new int[] {4}, Activation.TANH, Activation.SIGMOID, true, LossKind.MSE);
    }
}
