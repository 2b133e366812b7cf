package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector loops for the per-plane image operations of {@link VectorKernels}, built from the same
 * deterministic {@link VectorMath#exp} and {@link VectorMath#tanh} as its dense passes.
 */
final class VectorImageOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorImageOps() {
    }

    /** {@code act(z + bias[c])} over whole planes {@code [p0, p1)} of an NCHW batch. */
    static void channelBiasActivation(Activation act, float[] z, int channels, int plane, float[] bias, int biasOff,
                                      int p0, int p1) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int q = p0; q < p1; q++) {
            float beta = bias[biasOff + q % channels];
            int from = q * plane;
            int end = from + plane;
            int i = from;
            for (; i + L <= end; i += L) {
                FloatVector v = FloatVector.fromArray(S, z, i).add(beta);
                v = switch (act) {
                    case IDENTITY -> v;
                    case RELU -> v.max(0f);
                    case SIGMOID -> one.div(one.add(VectorMath.exp(v.neg())));
                    case TANH -> VectorMath.tanh(v);
                };
                v.intoArray(z, i);
            }
            for (; i < end; i++) {
                z[i] = act.apply(z[i] + beta);
            }
        }
    }
}
