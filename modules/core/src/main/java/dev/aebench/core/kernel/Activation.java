package dev.aebench.core.kernel;

/** Element-wise activations whose derivative can be written in terms of the output alone. */
public enum Activation {
    IDENTITY, SIGMOID, RELU, TANH;

    /** Scalar value, used by reference paths and tests. */
    public float apply(float z) {
        return switch (this) {
            case IDENTITY -> z;
            case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-z)));
            case RELU -> z > 0f ? z : 0f;
            case TANH -> (float) Math.tanh(z);
        };
    }

    /** Derivative expressed with the activation output {@code y = apply(z)}. */
    public float derivativeFromOutput(float y) {
        return switch (this) {
            case IDENTITY -> 1f;
            case SIGMOID -> y * (1f - y);
            case RELU -> y > 0f ? 1f : 0f;
            case TANH -> 1f - y * y;
        };
    }

    /**
     * How {@link #derivativeFromOutput} changes with the output: {@code d act'(z) / dy}, written
     * with {@code y = apply(z)}. A term that depends on the slope {@code act'(z)} (a Jacobian
     * penalty) sends its gradient to the layer's output through this factor; the layer's backward
     * pass then multiplies by {@code act'(z)}, which gives {@code act''(z)} in total.
     */
    public float derivativeFromOutputSlope(float y) {
        return switch (this) {
            case IDENTITY, RELU -> 0f;
            case SIGMOID -> 1f - 2f * y;
            case TANH -> -2f * y;
        };
    }

    /** Parses a lower-case name such as {@code sigmoid}; null when unknown. */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        return null;
    }
}
