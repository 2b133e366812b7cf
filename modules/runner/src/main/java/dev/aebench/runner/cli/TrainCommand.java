package dev.aebench.runner.cli;

import dev.aebench.analysis.AnalysisOptions;
import dev.aebench.core.checkpoint.CheckpointFile;
import dev.aebench.core.checkpoint.CheckpointOptions;
import dev.aebench.core.data.DataLocator;
import dev.aebench.core.data.TrainTestData;
import dev.aebench.core.error.UserError;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.result.JsonLines;
import dev.aebench.core.result.TrialResult;
import dev.aebench.finetune.FineTuneOptions;
import dev.aebench.probe.ProbeSolver;
import dev.aebench.runner.trial.TrialCheckpointing;
import dev.aebench.runner.trial.TrialRunner;
import dev.aebench.runner.trial.TrialSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aebench train}: one model, one seed; prints a one-row table and appends a JSON line. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one model, evaluate it, run the linear probe, print a one-row table.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "model family (see: aebench models)")
    String model;

    @Option(names = "--epochs", defaultValue = "5", paramLabel = "N", description = "training epochs (default: ${DEFAULT-VALUE}; ignored by pca)")
    int epochs;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "seed for init, shuffling and noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "a hyperparameter, repeatable (see: aebench models)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--json", paramLabel = "FILE", description = "append the result as one JSON line to FILE")
    Path json;

    @Option(names = "--validation", defaultValue = "0", paramLabel = "N",
            description = "hold out the last N training images, train on the rest and report val_mse on them (default: ${DEFAULT-VALUE})")
    int validation;

    @Option(names = "--metrics", defaultValue = "default", paramLabel = "LIST",
            description = "representation analyses: default (saturation, jacobian, knn), all (adds spectrum, "
                    + "contraction, robustness, hashing), none, or a comma-separated list of analysis or metric names (default: ${DEFAULT-VALUE})")
    String metrics;

    @Option(names = "--analysis-points", paramLabel = "N",
            description = "test points for Jacobian norms and contraction curves (default: " + AnalysisOptions.DEFAULT_POINTS + ")")
    Integer analysisPoints;

    @Option(names = "--spectrum-points", paramLabel = "N",
            description = "test points whose Jacobian spectra are averaged (default: " + AnalysisOptions.DEFAULT_SPECTRUM_POINTS + ")")
    Integer spectrumPoints;

    @Option(names = "--directions", paramLabel = "N",
            description = "random directions per point and radius of the contraction curve (default: " + AnalysisOptions.DEFAULT_DIRECTIONS + ")")
    Integer directions;

    @Option(names = "--queries", paramLabel = "N",
            description = "test codes queried against all training codes for knn and hashing (default: " + AnalysisOptions.DEFAULT_QUERIES + ")")
    Integer queries;

    @Option(names = "--robustness-points", paramLabel = "N",
            description = "test images corrupted for the robustness figures (default: "
                    + AnalysisOptions.DEFAULT_ROBUSTNESS_POINTS + ")")
    Integer robustnessPoints;

    @Option(names = "--no-probe", description = "skip the linear probe")
    boolean noProbe;

    @Option(names = "--probe-solver", defaultValue = "lbfgs", paramLabel = "NAME",
            description = "how the linear probe is fitted: lbfgs (full-batch, the default) or sgd (Tribuo's minibatch "
                    + "AdaGrad, the earlier probe)")
    String probeSolver;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "checkpoint the training in DIR (at the first and last epoch and at most every "
                    + "--checkpoint-interval seconds) and continue from a valid checkpoint of the same trial there; "
                    + "removed once the result is printed")
    Path checkpoint;

    @Option(names = "--checkpoint-interval", defaultValue = "1", paramLabel = "SECONDS",
            description = "with --checkpoint: the least time between two checkpoints (default: ${DEFAULT-VALUE})")
    double checkpointInterval;

    @Option(names = "--finetune", paramLabel = "EPOCHS",
            description = "also fine-tune a copy of the encoder with a softmax layer for EPOCHS epochs (cross-entropy, "
                    + "Adam lr 3e-3, batch 128) and report finetune_acc (and finetune_val_acc with --validation)")
    Integer finetune;

    @Option(names = "--quiet", description = "no per-epoch lines")
    boolean quiet;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AnalysisOptions analysis = AnalysisOptions.of(metrics, analysisPoints, spectrumPoints, directions, queries,
                robustnessPoints);
        if (finetune != null) {
            FineTuneOptions.checkEpochs("--finetune", finetune);
        }
        TrialSpec trial = new TrialSpec(model, settings, seed, epochs, common.threads(), !noProbe, validation, analysis,
                ProbeSolver.parse("--probe-solver", probeSolver), finetune == null ? 0 : finetune);
        TrialRunner runner = new TrialRunner(ModelRegistry.load());
        ModelConfig config = runner.resolve(trial); // fail on a bad model or --set before loading data
        if (!(checkpointInterval >= 0) || Double.isInfinite(checkpointInterval)) {
            throw new UserError("--checkpoint-interval: expected a number of seconds >= 0, found " + checkpointInterval);
        }
        CheckpointOptions checkpoints = checkpoint == null ? null
                : new CheckpointOptions(TrialCheckpointing.singleTrialFile(checkpoint, trial, config), checkpointInterval);
        TrainTestData data = DataLocator.load(DataLocator.resolve(common.data));
        analysis.checkAgainst(data.test().size()); // and on a subset larger than the test set before training
        TrialResult result = runner.run(trial, data, line -> {
            if (!quiet || line.startsWith("checkpoint") || line.startsWith("cannot write checkpoint")
                    || line.startsWith("resuming")) {
                err.println(line);
            }
        }, null, checkpoints);
        out.print(ResultTable.render(java.util.List.of(result)));
        out.flush();
        if (json != null) {
            JsonLines.append(json, result.toMap());
        }
        if (checkpoints != null) {
            try {
                new CheckpointFile(checkpoints.file()).delete();
            } catch (java.io.IOException e) {
                err.println("checkpoint " + checkpoints.file() + " could not be removed (" + e.getMessage() + ")");
            }
        }
        return 0;
    }
}
