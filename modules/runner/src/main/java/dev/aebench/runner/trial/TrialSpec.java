package dev.aebench.runner.trial;

import dev.aebench.core.error.UserError;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One trial as the user asked for it: a model family, its hyperparameter settings (unresolved),
 * a seed, an epoch count, the number of kernel threads, and whether to run the linear probe.
 */
public record TrialSpec(String model, Map<String, String> settings, long seed, int epochs, int threads, boolean probe) {
    public TrialSpec {
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        if (epochs < 1) {
            throw new UserError("--epochs: expected an integer >= 1, found " + epochs);
        }
        if (threads < 1) {
            throw new UserError("--threads: expected an integer >= 1, found " + threads);
        }
    }
}
