package dev.aebench.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector loops for the fused bias + activation of a dense layer and for the activations'
 * backward passes in {@link VectorKernels}, with the deterministic {@link VectorMath#exp} and
 * {@link VectorMath#tanh}; tails run the scalar formulas.
 */
final class VectorActivations {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorActivations() {
    }

    /** In place: {@code z[base + j] = act(z[base + j] + bias[bo + j])} for j in [0, cols). */
    static void biasRow(Activation act, float[] z, int base, int cols, float[] bias, int bo) {
        switch (act) {
            case IDENTITY -> biasIdentity(z, base, cols, bias, bo);
            case RELU -> biasRelu(z, base, cols, bias, bo);
            case SIGMOID -> biasSigmoid(z, base, cols, bias, bo);
            case TANH -> biasTanh(z, base, cols, bias, bo);
        }
    }

    /** In place over {@code [from, to)}: {@code grad[i] *= act'(y[i])}, y the activation's output. */
    static void backward(Activation act, float[] y, float[] grad, int from, int to) {
        switch (act) {
            case SIGMOID -> sigmoidBackward(y, grad, from, to);
            case TANH -> tanhBackward(y, grad, from, to);
            case RELU -> reluBackward(y, grad, from, to);
            case IDENTITY -> { }
        }
    }

    private static void biasIdentity(float[] z, int base, int cols, float[] bias, int bo) {
        int j = 0;
        for (; j + L <= cols; j += L) {
            FloatVector.fromArray(S, z, base + j).add(FloatVector.fromArray(S, bias, bo + j)).intoArray(z, base + j);
        }
        for (; j < cols; j++) {
            z[base + j] += bias[bo + j];
        }
    }

    private static void biasRelu(float[] z, int base, int cols, float[] bias, int bo) {
        FloatVector zero = FloatVector.zero(S);
        int j = 0;
        for (; j + L <= cols; j += L) {
            FloatVector.fromArray(S, z, base + j).add(FloatVector.fromArray(S, bias, bo + j)).max(zero).intoArray(z, base + j);
        }
        for (; j < cols; j++) {
            z[base + j] = Math.max(0f, z[base + j] + bias[bo + j]);
        }
    }

    private static void biasSigmoid(float[] z, int base, int cols, float[] bias, int bo) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int j = 0;
        for (; j + L <= cols; j += L) {
            FloatVector v = FloatVector.fromArray(S, z, base + j).add(FloatVector.fromArray(S, bias, bo + j));
            one.div(one.add(VectorMath.exp(v.neg()))).intoArray(z, base + j);
        }
        for (; j < cols; j++) {
            z[base + j] = Activation.SIGMOID.apply(z[base + j] + bias[bo + j]);
        }
    }

    private static void biasTanh(float[] z, int base, int cols, float[] bias, int bo) {
        int j = 0;
        for (; j + L <= cols; j += L) {
            VectorMath.tanh(FloatVector.fromArray(S, z, base + j).add(FloatVector.fromArray(S, bias, bo + j))).intoArray(z, base + j);
        }
        for (; j < cols; j++) {
            z[base + j] = (float) Math.tanh(z[base + j] + bias[bo + j]);
        }
    }

    private static void sigmoidBackward(float[] y, float[] grad, int from, int to) {
        int i = from;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i + L <= to; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector.fromArray(S, grad, i).mul(yv.mul(one.sub(yv))).intoArray(grad, i);
        }
        for (; i < to; i++) {
            grad[i] *= y[i] * (1f - y[i]);
        }
    }

    private static void tanhBackward(float[] y, float[] grad, int from, int to) {
        int i = from;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i + L <= to; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector.fromArray(S, grad, i).mul(one.sub(yv.mul(yv))).intoArray(grad, i);
        }
        for (; i < to; i++) {
            grad[i] *= 1f - y[i] * y[i];
        }
    }

    private static void reluBackward(float[] y, float[] grad, int from, int to) {
        int i = from;
        FloatVector zero = FloatVector.zero(S);
        for (; i + L <= to; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector.fromArray(S, grad, i).blend(zero, yv.compare(VectorOperators.LE, zero)).intoArray(grad, i);
        }
        for (; i < to; i++) {
            if (y[i] <= 0f) {
                grad[i] = 0f;
            }
        }
    }
}
