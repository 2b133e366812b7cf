package dev.aebench.core.nn;

import java.util.Arrays;

/**
 * One flat array each for parameters, their gradients and Adam's two moments. Layers reserve a
 * slice while the network is assembled and keep its offset; after {@link #seal()} the arrays
 * exist and never change size, so a training step allocates nothing and Adam is one pass.
 */
public final class ParameterArena {
    private int size;
    private float[] params;
    private float[] grads;
    private float[] firstMoment;
    private float[] secondMoment;

    /** Reserves {@code n} parameters and returns their offset. */
    public int reserve(int n) {
        if (params != null) {
            throw new IllegalStateException("arena already sealed");
        }
        int off = size;
        size = Math.addExact(size, n);
        return off;
    }

    /** Allocates the arrays; no more reservations after this. */
    public ParameterArena seal() {
        if (params == null) {
            params = new float[size];
            grads = new float[size];
            firstMoment = new float[size];
            secondMoment = new float[size];
        }
        return this;
    }

    public int size() {
        return size;
    }

    public float[] params() {
        return params;
    }

    public float[] grads() {
        return grads;
    }

    public float[] firstMoment() {
        return firstMoment;
    }

    public float[] secondMoment() {
        return secondMoment;
    }

    public void zeroGrads() {
        Arrays.fill(grads, 0f);
    }
}
