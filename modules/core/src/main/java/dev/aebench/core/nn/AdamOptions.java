package dev.aebench.core.nn;

/** Adam's settings; the defaults are PyTorch's (lr 1e-3, betas 0.9/0.999, eps 1e-8). */
public record AdamOptions(float learningRate, float beta1, float beta2, float epsilon) {
    public AdamOptions {
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be > 0, was " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0,1), were " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, was " + epsilon);
        }
    }

    public static AdamOptions defaults(float learningRate) {
        return new AdamOptions(learningRate, 0.9f, 0.999f, 1e-8f);
    }
}
