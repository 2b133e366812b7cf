package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Deterministic lane-wise building blocks of the vector kernels: a lane sum in a fixed order,
 * {@code exp} and {@code tanh}.
 *
 * <p>{@code reduceLanes(ADD)} and {@code lanewise(EXP / TANH)} may give different bits in
 * interpreted and in C2-compiled code (another summation order; SVML instead of
 * {@code Math.exp}), so results would change as the JIT warms up. These use only lane-wise IEEE
 * operations (add, mul, fma, div, rearrange, conversions), which round the same way in every
 * execution mode.
 */
final class VectorMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    // Lane rotations by 32, 16, 8, 4, 2 and 1 (clamped to the width) for sumLanes.
    private static final VectorShuffle<Float> ROT32 = VectorShuffle.iota(S, Math.min(32, L / 2), 1, true);
    private static final VectorShuffle<Float> ROT16 = VectorShuffle.iota(S, Math.min(16, L / 2), 1, true);
    private static final VectorShuffle<Float> ROT8 = VectorShuffle.iota(S, Math.min(8, L / 2), 1, true);
    private static final VectorShuffle<Float> ROT4 = VectorShuffle.iota(S, Math.min(4, L / 2), 1, true);
    private static final VectorShuffle<Float> ROT2 = VectorShuffle.iota(S, Math.min(2, L / 2), 1, true);
    private static final VectorShuffle<Float> ROT1 = VectorShuffle.iota(S, 1, 1, true);

    private VectorMath() {
    }

    /** Sum of the lanes in a fixed pairwise order. */
    static float sumLanes(FloatVector v) {
        if (L > 32) {
            v = v.add(v.rearrange(ROT32));
        }
        if (L > 16) {
            v = v.add(v.rearrange(ROT16));
        }
        if (L > 8) {
            v = v.add(v.rearrange(ROT8));
        }
        if (L > 4) {
            v = v.add(v.rearrange(ROT4));
        }
        if (L > 2) {
            v = v.add(v.rearrange(ROT2));
        }
        if (L > 1) {
            v = v.add(v.rearrange(ROT1));
        }
        return v.lane(0);
    }

    private static final float EXP_HI = 88.0f;
    private static final float EXP_LO = -87.0f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float ROUNDER = 0x1.8p23f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;

    /** e^x (Cephes expf: range reduction by ln 2, degree-7 polynomial), inputs clamped to [-87, 88]. */
    static FloatVector exp(FloatVector x) {
        x = x.min(EXP_HI).max(EXP_LO);
        FloatVector n = x.fma(LOG2E, ROUNDER).sub(ROUNDER); // round(x / ln 2), exact
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), x);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f);
        p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
        p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
        p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
        p = p.fma(r.mul(r), r).add(1f);
        IntVector e = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(e.reinterpretAsFloats());
    }

    /** tanh x = sign(x) (1 - e) / (1 + e) with e = exp(-2|x|); absolute error about 1e-7. */
    static FloatVector tanh(FloatVector x) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector e = exp(x.abs().mul(-2f));
        FloatVector t = one.sub(e).div(one.add(e));
        return t.blend(t.neg(), x.compare(VectorOperators.LT, 0f));
    }
}
