package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Box-Muller transform {@code sqrt(-2 ln u1) cos(2 pi u2)} in float, with Cephes-style
 * polynomials for the logarithm and the cosine (about 1e-7 relative error each), written twice
 * with the same IEEE operations in the same order: once for one value and once lane-wise. Both
 * therefore give the same bits, in the interpreter and in compiled code, which the JDK's
 * {@code Math.log}/{@code Math.cos} intrinsics and the Vector API's SVML-backed lane-wise
 * {@code LOG}/{@code COS} do not promise. It is about ten times faster than the double-precision
 * transform with {@code Math.log} and {@code Math.cos}.
 *
 * <p>{@code u1} must lie in (0, 1] and {@code u2} in [0, 1), each a multiple of 2^-24, as
 * {@link CounterRandom} makes them: then the quarter-turn reduction of the angle is exact.
 */
final class BoxMuller {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static final float SQRT_HALF = 0.707106781186547524f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float L0 = 7.0376836292e-2f;
    private static final float L1 = -1.1514610310e-1f;
    private static final float L2 = 1.1676998740e-1f;
    private static final float L3 = -1.2420140846e-1f;
    private static final float L4 = 1.4249322787e-1f;
    private static final float L5 = -1.6668057665e-1f;
    private static final float L6 = 2.0000714765e-1f;
    private static final float L7 = -2.4999993993e-1f;
    private static final float L8 = 3.3333331174e-1f;
    private static final float TWO_PI = 6.28318530717958648f;
    private static final float S1 = -1.6666654611e-1f;
    private static final float S2 = 8.3321608736e-3f;
    private static final float S3 = -1.9515295891e-4f;
    private static final float C1 = 4.166664568298827e-2f;
    private static final float C2 = -1.388731625493765e-3f;
    private static final float C3 = 2.443315711809948e-5f;

    private BoxMuller() {
    }

    /** A standard normal from two uniforms (see the class comment for their ranges). */
    static float transform(float u1, float u2) {
        // ln u1 = e ln 2 + ln m with m in [sqrt(1/2), sqrt(2))
        int bits = Float.floatToRawIntBits(u1);
        int e = ((bits >>> 23) & 0xFF) - 126;
        float m = Float.intBitsToFloat((bits & 0x807FFFFF) | 0x3F000000); // [0.5, 1)
        float x;
        if (m < SQRT_HALF) {
            e -= 1;
            x = m + m - 1f;
        } else {
            x = m - 1f;
        }
        float fe = e;
        float z = x * x;
        float y = Math.fma(L0, x, L1);
        y = Math.fma(y, x, L2);
        y = Math.fma(y, x, L3);
        y = Math.fma(y, x, L4);
        y = Math.fma(y, x, L5);
        y = Math.fma(y, x, L6);
        y = Math.fma(y, x, L7);
        y = Math.fma(y, x, L8);
        y = y * x * z;
        y = Math.fma(LN2_LO, fe, y);
        y = Math.fma(-0.5f, z, y);
        float ln = Math.fma(LN2_HI, fe, x + y);
        float radius = (float) Math.sqrt(-2f * ln);
        // cos(2 pi u2) from the quarter turn q = round(4 u2) and the remainder angle a in [-pi/4, pi/4]
        float q = Math.round(4f * u2);
        float a = TWO_PI * (u2 - 0.25f * q);
        float a2 = a * a;
        float sin = Math.fma(a2, S3, S2);
        sin = Math.fma(sin, a2, S1);
        sin = Math.fma(sin * a2, a, a);
        float cos = Math.fma(a2, C3, C2);
        cos = Math.fma(cos, a2, C1);
        cos = Math.fma(cos * a2, a2, Math.fma(-0.5f, a2, 1f));
        int quarter = (int) q & 3;
        float c = (quarter & 1) == 0 ? cos : sin;
        return radius * ((quarter == 1 || quarter == 2) ? -c : c);
    }

    /** {@link #transform} lane by lane. */
    static FloatVector transform(FloatVector u1, FloatVector u2) {
        IntVector bits = u1.reinterpretAsInts();
        IntVector e = bits.lanewise(VectorOperators.LSHR, 23).and(0xFF).sub(126);
        FloatVector m = bits.and(0x807FFFFF).or(0x3F000000).reinterpretAsFloats();
        VectorMask<Float> low = m.compare(VectorOperators.LT, SQRT_HALF);
        FloatVector x = m.add(m).sub(1f).blend(m.sub(1f), low.not());
        e = e.sub(1, low.cast(IntVector.SPECIES_PREFERRED));
        FloatVector fe = (FloatVector) e.convert(VectorOperators.I2F, 0);
        FloatVector z = x.mul(x);
        FloatVector y = FloatVector.broadcast(S, L0).fma(x, FloatVector.broadcast(S, L1));
        y = y.fma(x, FloatVector.broadcast(S, L2));
        y = y.fma(x, FloatVector.broadcast(S, L3));
        y = y.fma(x, FloatVector.broadcast(S, L4));
        y = y.fma(x, FloatVector.broadcast(S, L5));
        y = y.fma(x, FloatVector.broadcast(S, L6));
        y = y.fma(x, FloatVector.broadcast(S, L7));
        y = y.fma(x, FloatVector.broadcast(S, L8));
        y = y.mul(x).mul(z);
        y = FloatVector.broadcast(S, LN2_LO).fma(fe, y);
        y = FloatVector.broadcast(S, -0.5f).fma(z, y);
        FloatVector ln = FloatVector.broadcast(S, LN2_HI).fma(fe, x.add(y));
        FloatVector radius = ln.mul(-2f).sqrt();
        FloatVector q = roundHalfUp(u2.mul(4f));
        FloatVector a = u2.sub(q.mul(0.25f)).mul(TWO_PI);
        FloatVector a2 = a.mul(a);
        FloatVector sin = a2.fma(FloatVector.broadcast(S, S3), FloatVector.broadcast(S, S2));
        sin = sin.fma(a2, FloatVector.broadcast(S, S1));
        sin = sin.mul(a2).fma(a, a);
        FloatVector cos = a2.fma(FloatVector.broadcast(S, C3), FloatVector.broadcast(S, C2));
        cos = cos.fma(a2, FloatVector.broadcast(S, C1));
        cos = cos.mul(a2).fma(a2, FloatVector.broadcast(S, -0.5f).fma(a2, FloatVector.broadcast(S, 1f)));
        IntVector quarter = ((IntVector) q.convert(VectorOperators.F2I, 0)).and(3);
        VectorMask<Float> odd = quarter.and(1).compare(VectorOperators.NE, 0).cast(S);
        VectorMask<Float> negative = quarter.compare(VectorOperators.EQ, 1)
                .or(quarter.compare(VectorOperators.EQ, 2)).cast(S);
        FloatVector c = cos.blend(sin, odd);
        return radius.mul(c.blend(c.neg(), negative));
    }

    /**
     * {@code Math.round} for the values 4 u2 takes, in [0, 4): floor(v + 0.5) by truncation,
     * exact because v + 0.5 is exact for multiples of 2^-22 below 4.
     */
    private static FloatVector roundHalfUp(FloatVector v) {
        IntVector t = (IntVector) v.add(0.5f).convert(VectorOperators.F2I, 0);
        return (FloatVector) t.convert(VectorOperators.I2F, 0);
    }
}
