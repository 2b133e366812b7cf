package dev.aebench.probe;

/**
 * What a probe measured: test accuracy in [0,1], wall-clock seconds for the whole probe
 * (standardising, building Tribuo's dataset, training and predicting), the two set sizes, and a
 * one-line description of the method and its settings.
 */
public record ProbeResult(double accuracy, double seconds, int trainSize, int testSize, String method) {
    public ProbeResult {
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0,1], was " + accuracy);
        }
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must be >= 0, was " + seconds);
        }
        if (trainSize < 1 || testSize < 1) {
            throw new IllegalArgumentException("set sizes must be >= 1, were " + trainSize + " and " + testSize);
        }
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("method must be named");
        }
    }
}
