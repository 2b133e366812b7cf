package dev.aebench.core.checkpoint;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole training state at an epoch end: the {@link TrainingProgress}, the parameters and
 * Adam's two moments (one flat array each, as in the parameter arena), Adam's step count, and
 * the named arrays of state a model keeps besides its parameters (a warm-started eigenvector
 * estimate, say). The gradients are not kept: Adam leaves them zeroed after every step.
 *
 * <p>Arrays are held by reference, not copied: a snapshot taken for writing is a view of the
 * live arrays, valid until training continues.
 */
public record TrainingSnapshot(TrainingProgress progress, int optimizerSteps, float[] params, float[] firstMoment,
                               float[] secondMoment, Map<String, float[]> modelState) {
    public TrainingSnapshot {
        modelState = Collections.unmodifiableMap(new TreeMap<>(modelState));
        if (params.length != firstMoment.length || params.length != secondMoment.length) {
            throw new IllegalArgumentException("parameters and moments differ in length: " + params.length + ", "
                    + firstMoment.length + ", " + secondMoment.length);
        }
        if (optimizerSteps < 0) {
            throw new IllegalArgumentException("optimizer steps must be >= 0, was " + optimizerSteps);
        }
    }

    /** Bytes of array data (parameters, moments, model state). */
    public long arrayBytes() {
        long floats = 3L * params.length;
        for (float[] a : modelState.values()) {
            floats += a.length;
        }
        return 4 * floats;
    }
}
