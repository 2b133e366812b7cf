package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector loops for binary cross-entropy in {@link VectorKernels}, with a logarithm built, like
 * {@link VectorMath#exp}, only from lane-wise IEEE operations, so the loss has the same bits
 * in interpreted and compiled code. Predictions are clamped to [1e-7, 1 - 1e-7] as in the scalar
 * kernels; the gradients are computed exactly as there.
 */
final class VectorLosses {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final float LO = 1e-7f;
    private static final float HI = 1f - 1e-7f;
    private static final float SQRT_HALF = 0.707106781186547524f;

    private VectorLosses() {
    }

    /** Natural log of positive normal inputs (Cephes logf: mantissa in [sqrt(1/2), sqrt 2), degree-8 polynomial). */
    static FloatVector log(FloatVector x) {
        IntVector bits = x.reinterpretAsInts();
        IntVector exponent = bits.lanewise(VectorOperators.LSHR, 23).sub(126);
        FloatVector m = bits.and(0x807FFFFF).or(0x3F000000).reinterpretAsFloats(); // [0.5, 1)
        VectorMask<Float> small = m.compare(VectorOperators.LT, SQRT_HALF);
        FloatVector e = ((FloatVector) exponent.convert(VectorOperators.I2F, 0)).sub(1f, small);
        FloatVector r = m.add(m.blend(0f, small.not())).sub(1f); // 2m - 1 below sqrt(1/2), else m - 1
        FloatVector z = r.mul(r);
        FloatVector p = r.fma(7.0376836292e-2f, -1.1514610310e-1f);
        p = p.fma(r, FloatVector.broadcast(S, 1.1676998740e-1f));
        p = p.fma(r, FloatVector.broadcast(S, -1.2420140846e-1f));
        p = p.fma(r, FloatVector.broadcast(S, 1.4249322787e-1f));
        p = p.fma(r, FloatVector.broadcast(S, -1.6668057665e-1f));
        p = p.fma(r, FloatVector.broadcast(S, 2.0000714765e-1f));
        p = p.fma(r, FloatVector.broadcast(S, -2.4999993993e-1f));
        p = p.fma(r, FloatVector.broadcast(S, 3.3333331174e-1f));
        FloatVector y = p.mul(r).mul(z);
        y = e.fma(FloatVector.broadcast(S, -2.12194440e-4f), y);
        y = z.fma(FloatVector.broadcast(S, -0.5f), y);
        return e.fma(FloatVector.broadcast(S, 0.693359375f), r.add(y));
    }

    /** {@code -(t log p + (1 - t) log(1 - p))} with p the clamped prediction. */
    private static FloatVector bce(FloatVector y, FloatVector t) {
        FloatVector p = y.max(LO).min(HI);
        FloatVector one = FloatVector.broadcast(S, 1f);
        return t.mul(log(p)).add(one.sub(t).mul(log(one.sub(p)))).neg();
    }

    /** BCE summed over [from, to) with the fused sigmoid gradient {@code g (y - t)}. */
    static double sigmoidBce(float[] y, float[] t, int from, int to, float[] gz, float g) {
        FloatVector sum = FloatVector.zero(S);
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector tv = FloatVector.fromArray(S, t, i);
            sum = sum.add(bce(yv, tv));
            yv.sub(tv).mul(g).intoArray(gz, i);
        }
        double s = VectorMath.sumLanes(sum);
        for (; i < to; i++) {
            s += scalarBce(y[i], t[i]);
            gz[i] = g * (y[i] - t[i]);
        }
        return s;
    }

    /** BCE summed over [from, to) and, unless grad is null, {@code g (p - t) / (p (1 - p))}. */
    static double bce(float[] y, float[] t, int from, int to, float[] grad, float g) {
        FloatVector sum = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector tv = FloatVector.fromArray(S, t, i);
            sum = sum.add(bce(yv, tv));
            if (grad != null) {
                FloatVector p = yv.max(LO).min(HI);
                p.sub(tv).mul(g).div(p.mul(one.sub(p))).intoArray(grad, i);
            }
        }
        double s = VectorMath.sumLanes(sum);
        for (; i < to; i++) {
            s += scalarBce(y[i], t[i]);
            if (grad != null) {
                float p = Math.min(Math.max(y[i], LO), HI);
                grad[i] = g * (p - t[i]) / (p * (1f - p));
            }
        }
        return s;
    }

    /** The tail, with the same clamped formula. */
    private static double scalarBce(float y, float t) {
        float p = Math.min(Math.max(y, LO), HI);
        return -(t * Math.log(p) + (1f - t) * Math.log(1f - p));
    }
}
