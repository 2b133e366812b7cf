package dev.aebench.analysis;

/** A classifier of codes trained on clean codes (the trial's linear probe). */
@FunctionalInterface
public interface CodeClassifier {
    /** The predicted class of each row of {@code codes} (row-major, codeDim columns). */
    int[] predict(float[] codes);
}
