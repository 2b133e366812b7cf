package dev.aebench.runner.trial;

import dev.aebench.analysis.AnalysisOptions;
import dev.aebench.core.error.UserError;
import dev.aebench.finetune.FineTuneOptions;
import dev.aebench.probe.ProbeSolver;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One trial as the user asked for it: a model family, its hyperparameter settings (unresolved),
 * a seed, an epoch count, the number of kernel threads, whether to run the linear probe, how
 * many of the last training images to hold out as a validation split (0: none), which
 * representation analyses to run on the trained model, the probe's solver, and the epochs of
 * fine-tuning the encoder as a classifier ({@code finetune}; 0: not fine-tuned).
 */
public record TrialSpec(String model, Map<String, String> settings, long seed, int epochs, int threads, boolean probe,
                        int validation, AnalysisOptions analysis, ProbeSolver probeSolver, int finetune) {
    /** A trial that is not fine-tuned. */
    public TrialSpec(String model, Map<String, String> settings, long seed, int epochs, int threads, boolean probe,
                     int validation, AnalysisOptions analysis, ProbeSolver probeSolver) {
        this(model, settings, seed, epochs, threads, probe, validation, analysis, probeSolver, 0);
    }

    /** A trial whose probe (if any) uses the default solver. */
    public TrialSpec(String model, Map<String, String> settings, long seed, int epochs, int threads, boolean probe,
                     int validation, AnalysisOptions analysis) {
        this(model, settings, seed, epochs, threads, probe, validation, analysis, ProbeSolver.LBFGS);
    }

    /** A trial without a validation split or analyses. */
    public TrialSpec(String model, Map<String, String> settings, long seed, int epochs, int threads, boolean probe) {
        this(model, settings, seed, epochs, threads, probe, 0);
    }

    /** A trial without analyses. */
    public TrialSpec(String model, Map<String, String> settings, long seed, int epochs, int threads, boolean probe,
                     int validation) {
        this(model, settings, seed, epochs, threads, probe, validation, AnalysisOptions.none());
    }

    public TrialSpec {
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        if (probeSolver == null) {
            throw new IllegalArgumentException("probe solver must be given");
        }
        if (epochs < 1) {
            throw new UserError("--epochs: expected an integer >= 1, found " + epochs);
        }
        if (threads < 1) {
            throw new UserError("--threads: expected an integer >= 1, found " + threads);
        }
        if (finetune != 0) {
            FineTuneOptions.checkEpochs("--finetune", finetune);
        }
        if (validation < 0) {
            throw new UserError("--validation: expected an integer >= 0, found " + validation);
        }
    }
}
