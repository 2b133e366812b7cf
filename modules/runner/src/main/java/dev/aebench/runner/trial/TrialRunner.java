package dev.aebench.runner.trial;

import dev.aebench.analysis.Analyses;
import dev.aebench.analysis.AnalysisInputs;
import dev.aebench.analysis.AnalysisReport;
import dev.aebench.analysis.score.ScoreField;
import dev.aebench.core.checkpoint.CheckpointOptions;
import dev.aebench.core.checkpoint.Checkpointing;
import dev.aebench.core.checkpoint.TrialCheckpoints;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.PlaneMixture;
import dev.aebench.core.data.SyntheticPlane;
import dev.aebench.core.dense.DenseFamily;
import dev.aebench.core.jacobian.Differentiable;
import dev.aebench.core.data.TrainTestData;
import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.KernelWarmup;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.metric.Metrics;
import dev.aebench.core.metric.TrialMetrics;
import dev.aebench.core.result.Provenance;
import dev.aebench.core.result.TrialResult;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.Evaluation;
import dev.aebench.core.train.FitReport;
import dev.aebench.finetune.FineTuneOptions;
import dev.aebench.finetune.FineTuneResult;
import dev.aebench.finetune.FineTuning;
import dev.aebench.probe.LabelledCodes;
import dev.aebench.probe.LinearProbe;
import dev.aebench.probe.ProbeMetrics;
import dev.aebench.probe.ProbeOptions;
import dev.aebench.probe.TrainedProbe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one trial end to end: resolve the configuration, build the model, train, measure test
 * reconstruction, encode both splits and run the linear probe on the frozen codes, gather the
 * family's extra metrics (and, on {@code synthetic:mixture}, the score field), optionally fine-tune
 * a copy of the encoder as a classifier ({@link TrialSpec#finetune()}), and stamp provenance. The Java API behind {@code aebench train} and
 * {@code aebench run}.
 *
 * <p>With a validation split ({@link TrialSpec#validation()} &gt; 0) the last that many training
 * images are held out: the model and the probe are trained on the rest, and the reconstruction
 * error on the held-out rows is reported as the extra metric {@value #VAL_MSE}, and, with the
 * probe, the probe's accuracy on them as {@value #VAL_PROBE_ACC}: the figures on which sweeps
 * compare configurations. Test figures are computed as always.
 */
public final class TrialRunner {
    /** Name of the extra metric holding the reconstruction error on the validation split. */
    public static final String VAL_MSE = TrialMetrics.VAL_MSE;
    /** Name of the extra metric holding the probe's accuracy on the validation split (probe trained on the rest). */
    public static final String VAL_PROBE_ACC = ProbeMetrics.VAL_PROBE_ACC;

    private final ModelRegistry registry;

    public TrialRunner(ModelRegistry registry) {
        this.registry = registry;
    }

    /** Resolves and validates a spec's configuration without training (for dry runs and early errors). */
    public ModelConfig resolve(TrialSpec spec) {
        ModelFamily family = registry.get(spec.model());
        return ModelConfig.resolve(family, spec.settings());
    }

    public TrialResult run(TrialSpec spec, TrainTestData data, Consumer<String> log) {
        return run(spec, data, log, null);
    }

    /** As {@link #run(TrialSpec, TrainTestData, Consumer)}, also writing the {@link TrialArtifacts} to {@code artifactFile} unless null. */
    public TrialResult run(TrialSpec spec, TrainTestData data, Consumer<String> log, java.nio.file.Path artifactFile) {
        return run(spec, data, log, artifactFile, null);
    }

    /**
     * As above, training with checkpoints in {@code checkpoint}'s file unless null: the trial
     * continues from a valid checkpoint of its own (see {@link TrialCheckpointing}) and records
     * {@code attempts} and {@code resumed_from_epoch}. The caller removes the file once the
     * result is stored.
     */
    public TrialResult run(TrialSpec spec, TrainTestData data, Consumer<String> log, java.nio.file.Path artifactFile,
                           CheckpointOptions checkpoint) {
        double toTrial = PhaseClock.sinceJvmStart();
        ModelFamily family = registry.get(spec.model());
        ModelConfig config = ModelConfig.resolve(family, spec.settings());
        Dataset train = data.train();
        Dataset validation = null;
        if (spec.validation() > 0) {
            if (spec.validation() >= train.size()) {
                throw new UserError("validation: expected fewer rows than the " + train.size()
                        + " training images, found " + spec.validation());
            }
            int cut = train.size() - spec.validation();
            validation = train.slice(cut, train.size(), "[validation]");
            train = train.slice(0, cut, "[fit]");
        }
        try (Kernels kernels = KernelFactory.create(spec.threads())) {
            PhaseClock clock = new PhaseClock();
            clock.record("jvm_to_trial_sec", toTrial);
            Provenance provenance = Provenance.capture(provenanceConfig(spec, config), spec.seed(), data.fingerprint(),
                    spec.threads(), kernels.name());
            KernelWarmup.ensure(kernels); // JIT-compile the vector code before anything is timed
            clock.lap("warmup_wait_sec");
            ModelContext context = new ModelContext(train.height(), train.width(), spec.seed(), kernels);
            Autoencoder model = family.create(config, context);
            EpochListener listener = (e, n, loss, secs) ->
                    log.accept(String.format("epoch %d/%d  loss %.5f  %.2fs", e, n, loss, secs));
            TrialCheckpoints checkpoints = checkpoint == null ? null : new TrialCheckpoints(checkpoint,
                    TrialCheckpointing.fingerprint(spec, config, data.fingerprint(), provenance), log);
            FitReport fit = model.fit(train, spec.epochs(), listener, checkpoints == null ? Checkpointing.NONE : checkpoints);
            clock.lap("train_sec");
            Metrics metrics = new Metrics();
            metrics.put(TrialMetrics.PARAM_COUNT, model.parameterCount());
            metrics.put(TrialMetrics.CODE_DIM, model.codeDim());
            metrics.put(TrialMetrics.SEC_PER_EPOCH, fit.secondsPerEpoch());
            metrics.put(TrialMetrics.FIRST_EPOCH_SEC, fit.firstEpochSeconds());
            metrics.put(TrialMetrics.FINAL_TRAIN_LOSS, fit.finalLoss());
            metrics.put(TrialMetrics.TEST_MSE, Evaluation.reconstructionMse(model, data.test()));
            if (validation != null) {
                metrics.put(VAL_MSE, Evaluation.reconstructionMse(model, validation));
            }
            metrics.putAll(model.extraMetrics(data.test()));
            PlaneMixture mixture = SyntheticPlane.mixtureOf(data.test());
            if (mixture != null && model.inputDim() == 2) {
                metrics.putAll(ScoreField.measure(model, mixture, ScoreField.noiseSigma(
                        family instanceof DenseFamily dense ? dense.spec(config).corruption() : null)));
            }
            clock.lap("eval_sec");
            LabelledCodes trainCodes = null;
            LabelledCodes testCodes = null;
            TrainedProbe trained = null;
            if (spec.probe()) {
                int dim = model.codeDim();
                trainCodes = new LabelledCodes("training", Evaluation.encodeAll(model, train), train.labels(), dim);
                testCodes = new LabelledCodes("test", Evaluation.encodeAll(model, data.test()), data.test().labels(), dim);
                LabelledCodes valCodes = validation == null ? null : new LabelledCodes("validation",
                        Evaluation.encodeAll(model, validation), validation.labels(), dim);
                clock.lap("encode_sec");
                LinearProbe probe = new LinearProbe(ProbeOptions.defaults(spec.probeSolver()).withSeed(spec.seed()),
                        kernels);
                trained = probe.train(trainCodes);
                double probeAcc = trained.accuracy(testCodes);
                metrics.put(ProbeMetrics.PROBE_ACC, probeAcc);
                if (valCodes != null) {
                    metrics.put(VAL_PROBE_ACC, trained.accuracy(valCodes));
                }
                double probeSec = clock.lap("probe_sec");
                metrics.put(ProbeMetrics.PROBE_SEC, probeSec);
                log.accept(String.format("probe accuracy %.4f  %.1fs", probeAcc, probeSec));
            }
            AnalysisReport analysis = Analyses.run(new AnalysisInputs(model,
                    model instanceof Differentiable d ? d.differentiableEncoder() : null, train, data.test(),
                    trainCodes == null ? null : trainCodes.codes(), testCodes == null ? null : testCodes.codes(),
                    trained == null ? null : trained::predict, kernels, spec.seed()), spec.analysis());
            metrics.putAll(analysis.metrics());
            clock.lap("analysis_sec");
            if (!spec.analysis().selected().isEmpty()) {
                log.accept(analysis.describe());
            }
            if (spec.finetune() > 0) {
                metrics.putAll(fineTune(spec, model, train, validation, data.test(), kernels, log));
                clock.lap("finetune_sec");
            }
            if (artifactFile != null) {
                TrialArtifacts.write(artifactFile, family, config, model, data.test(), kernels, spec.seed());
                clock.lap("artifacts_sec");
            }
            metrics.putList(TrialMetrics.LOSS_CURVE, fit.epochLoss());
            if (checkpoints != null) {
                clock.split("train_sec", "checkpoint_sec", checkpoints.blockedSeconds());
            }
            TrialResult result = new TrialResult(spec.model(), config.values(), spec.seed(), spec.epochs(), metrics,
                    clock.phases(), provenance);
            return checkpoints == null ? result : result.withCheckpoint(TrialCheckpointing.fields(fit, checkpoints));
        }
    }

    /**
     * Fine-tunes a copy of the encoder with a softmax layer ({@link FineTuning}) on the training
     * split; the validation split and the test set only score it. A model that cannot be
     * fine-tuned gets one line saying why and no fine-tuning metrics.
     */
    private static Metrics fineTune(TrialSpec spec, Autoencoder model, Dataset train, Dataset validation, Dataset test,
                                    Kernels kernels, Consumer<String> log) {
        String problem = FineTuning.unsupported(model);
        if (problem != null) {
            log.accept("finetune: skipped, model " + spec.model() + " cannot be fine-tuned (" + problem + ")");
            return new Metrics();
        }
        FineTuneResult r = FineTuning.run(model, train, validation, test,
                FineTuneOptions.defaults(spec.finetune(), spec.seed()), kernels, (e, n, loss, secs) ->
                        log.accept(String.format("finetune epoch %d/%d  cross-entropy %.5f  %.2fs", e, n, loss, secs)));
        log.accept(String.format("finetune accuracy %.4f%s  %.1fs", r.testAccuracy(), Double.isNaN(r.validationAccuracy())
                ? "" : String.format(" (validation %.4f)", r.validationAccuracy()), r.seconds()));
        return r.metrics();
    }

    private static Map<String, String> provenanceConfig(TrialSpec spec, ModelConfig config) {
        Map<String, String> m = new LinkedHashMap<>(config.values());
        m.put("model", spec.model());
        m.put("epochs", Integer.toString(spec.epochs()));
        m.put("probe", Boolean.toString(spec.probe()));
        if (spec.probe()) {
            m.put("probe_solver", spec.probeSolver().id());
        }
        m.put("validation", Integer.toString(spec.validation()));
        if (spec.finetune() > 0) {
            m.put("finetune", Integer.toString(spec.finetune()));
        }
        return m;
    }
}
