package dev.aebench.perf;

import dev.aebench.core.kernel.ThreadTeam;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.SplittableRandom;

/**
 * The yardstick every workload time is divided by: a frozen imitation of a dense training step,
 * with the same mix of work and the same memory footprint as the reference {@code ae}'s (784-256,
 * batch 128): per repetition a forward product {@code H = X W} (128x784 by 784x256), a weight
 * gradient {@code dW = X^T G} (784x128 by 128x256) and an Adam-like pass over W and its three
 * companion arrays, with X taken in turn from a 4 MB set of batches. Split over the same number
 * of threads as the workload and timed right before and right after each epoch, it tracks how
 * fast the machine is at that moment: clock, a busy neighbour, contention for the shared cache
 * and memory.
 *
 * <p>Alignment: where the allocator puts a Java array decides how many wide vector loads straddle
 * two cache lines, and the same loop was measured 25% slower on a badly aligned array; a fixed
 * placement would shift every ratio of a JVM run together. So the {@value #REPEATS} repetitions
 * of one call run at the {@value #REPEATS} element offsets of a 64-byte line (the arrays are
 * padded for it), and a call's time is the same sum over all placements wherever the arrays lie.
 *
 * <p>Its code is deliberately its own and frozen, apart from the project's kernels, so that a
 * kernel regression slows the workload and not the yardstick. Changing it changes every ratio:
 * bump {@link #ID}, which makes old baselines refuse to compare.
 */
public final class CalibrationKernel implements AutoCloseable {
    /** Names this exact calibration in the baseline; bump it whenever the code below changes. */
    public static final String ID = "step-784x256-b128-r16-offsets-v3";
    static final int BATCH = 128;
    static final int IN = 784;
    static final int OUT = 256;
    static final int BATCHES = 10;
    /** Repetitions per call, one per float offset within a 64-byte cache line. */
    static final int REPEATS = 16;
    private static final int PAD = 16;
    private static final int ROWS = 4;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final ThreadTeam team;
    private final float[] data = new float[BATCHES * BATCH * IN + PAD];
    private final float[] w = new float[IN * OUT + PAD];
    private final float[] dw = new float[IN * OUT + PAD];
    private final float[] m = new float[IN * OUT + PAD];
    private final float[] v = new float[IN * OUT + PAD];
    private final float[] h = new float[BATCH * OUT + PAD];
    private int next;

    public CalibrationKernel(int threads) {
        if (OUT % (2 * L) != 0) {
            throw new IllegalStateException("calibration needs " + OUT + " columns to be a multiple of two vectors of " + L);
        }
        this.team = new ThreadTeam(threads);
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble(-0.05, 0.05);
        }
    }

    /** The CPU's preferred vector width in bits, which both the calibration and the kernels use. */
    public static int vectorBits() {
        return S.vectorBitSize();
    }

    /** Runs the whole calibration once and returns its wall time in nanoseconds. */
    public long timeNanos() {
        long t0 = System.nanoTime();
        for (int rep = 0; rep < REPEATS; rep++) {
            int off = rep % PAD;
            int x = next * BATCH * IN + off;
            next = (next + 1) % BATCHES;
            team.run(BATCH / ROWS, (b0, b1) -> forward(x, off, b0 * ROWS, b1 * ROWS));
            team.run(IN / ROWS, (b0, b1) -> weightGradient(x, off, b0 * ROWS, b1 * ROWS));
            team.run(IN / ROWS, (b0, b1) -> update(off, b0 * ROWS * OUT, b1 * ROWS * OUT));
        }
        return System.nanoTime() - t0;
    }

    /** A checksum of the weights, so the work cannot be optimised away and tests can see it. */
    public double checksum() {
        double s = 0;
        for (float x : w) {
            s += x;
        }
        return s;
    }

    /** Rows {@code [r0, r1)} of H = X W, with X at {@code x} and W, H at {@code off}. */
    private void forward(int x, int off, int r0, int r1) {
        for (int i = r0; i < r1; i += ROWS) {
            int a0 = x + i * IN;
            for (int j = 0; j < OUT; j += 2 * L) {
                FloatVector c00 = FloatVector.zero(S);
                FloatVector c01 = FloatVector.zero(S);
                FloatVector c10 = FloatVector.zero(S);
                FloatVector c11 = FloatVector.zero(S);
                FloatVector c20 = FloatVector.zero(S);
                FloatVector c21 = FloatVector.zero(S);
                FloatVector c30 = FloatVector.zero(S);
                FloatVector c31 = FloatVector.zero(S);
                for (int p = 0; p < IN; p++) {
                    FloatVector b0 = FloatVector.fromArray(S, w, off + p * OUT + j);
                    FloatVector b1 = FloatVector.fromArray(S, w, off + p * OUT + j + L);
                    FloatVector x0 = FloatVector.broadcast(S, data[a0 + p]);
                    FloatVector x1 = FloatVector.broadcast(S, data[a0 + IN + p]);
                    FloatVector x2 = FloatVector.broadcast(S, data[a0 + 2 * IN + p]);
                    FloatVector x3 = FloatVector.broadcast(S, data[a0 + 3 * IN + p]);
                    c00 = b0.fma(x0, c00);
                    c01 = b1.fma(x0, c01);
                    c10 = b0.fma(x1, c10);
                    c11 = b1.fma(x1, c11);
                    c20 = b0.fma(x2, c20);
                    c21 = b1.fma(x2, c21);
                    c30 = b0.fma(x3, c30);
                    c31 = b1.fma(x3, c31);
                }
                store(c00, c01, off + i * OUT + j);
                store(c10, c11, off + (i + 1) * OUT + j);
                store(c20, c21, off + (i + 2) * OUT + j);
                store(c30, c31, off + (i + 3) * OUT + j);
            }
        }
    }

    /** H squashed to a bounded "gradient" and stored. */
    private void store(FloatVector lo, FloatVector hi, int at) {
        lo.mul(1e-3f).intoArray(h, at);
        hi.mul(1e-3f).intoArray(h, at + L);
    }

    /** Rows {@code [r0, r1)} of dW = X^T G, with G = the scaled H of the forward pass. */
    private void weightGradient(int x, int off, int r0, int r1) {
        for (int i = r0; i < r1; i += ROWS) {
            for (int j = 0; j < OUT; j += 2 * L) {
                FloatVector c00 = FloatVector.zero(S);
                FloatVector c01 = FloatVector.zero(S);
                FloatVector c10 = FloatVector.zero(S);
                FloatVector c11 = FloatVector.zero(S);
                FloatVector c20 = FloatVector.zero(S);
                FloatVector c21 = FloatVector.zero(S);
                FloatVector c30 = FloatVector.zero(S);
                FloatVector c31 = FloatVector.zero(S);
                for (int p = 0; p < BATCH; p++) {
                    FloatVector b0 = FloatVector.fromArray(S, h, off + p * OUT + j);
                    FloatVector b1 = FloatVector.fromArray(S, h, off + p * OUT + j + L);
                    int a = x + p * IN + i;
                    FloatVector x0 = FloatVector.broadcast(S, data[a]);
                    FloatVector x1 = FloatVector.broadcast(S, data[a + 1]);
                    FloatVector x2 = FloatVector.broadcast(S, data[a + 2]);
                    FloatVector x3 = FloatVector.broadcast(S, data[a + 3]);
                    c00 = b0.fma(x0, c00);
                    c01 = b1.fma(x0, c01);
                    c10 = b0.fma(x1, c10);
                    c11 = b1.fma(x1, c11);
                    c20 = b0.fma(x2, c20);
                    c21 = b1.fma(x2, c21);
                    c30 = b0.fma(x3, c30);
                    c31 = b1.fma(x3, c31);
                }
                int at = off + i * OUT + j;
                c00.intoArray(dw, at);
                c01.intoArray(dw, at + L);
                c10.intoArray(dw, at + OUT);
                c11.intoArray(dw, at + OUT + L);
                c20.intoArray(dw, at + 2 * OUT);
                c21.intoArray(dw, at + 2 * OUT + L);
                c30.intoArray(dw, at + 3 * OUT);
                c31.intoArray(dw, at + 3 * OUT + L);
            }
        }
    }

    /** An Adam-like step over {@code [from, to)} of W (at {@code off}), reading dW and updating both moments. */
    private void update(int off, int from, int to) {
        FloatVector b1 = FloatVector.broadcast(S, 0.9f);
        FloatVector c1 = FloatVector.broadcast(S, 0.1f);
        FloatVector b2 = FloatVector.broadcast(S, 0.999f);
        FloatVector c2 = FloatVector.broadcast(S, 0.001f);
        FloatVector lr = FloatVector.broadcast(S, -1e-4f);
        FloatVector eps = FloatVector.broadcast(S, 1e-8f);
        for (int i = off + from; i < off + to; i += L) {
            FloatVector g = FloatVector.fromArray(S, dw, i);
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(b1).add(g.mul(c1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(b2).add(g.mul(g).mul(c2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector.fromArray(S, w, i).add(mi.mul(lr).div(vi.sqrt().add(eps))).intoArray(w, i);
        }
    }

    @Override
    public void close() {
        team.close();
    }
}
