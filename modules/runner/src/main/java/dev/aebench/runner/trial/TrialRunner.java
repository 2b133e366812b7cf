package dev.aebench.runner.trial;

import dev.aebench.core.data.TrainTestData;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.result.Provenance;
import dev.aebench.core.result.TrialResult;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.Evaluation;
import dev.aebench.core.train.FitReport;
import dev.aebench.probe.LinearProbe;
import dev.aebench.probe.ProbeOptions;
import dev.aebench.probe.ProbeResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one trial end to end: resolve the configuration, build the model, train, measure test
 * reconstruction, encode both splits and run the linear probe on the frozen codes, gather the
 * family's extra metrics, and stamp provenance. The Java API behind {@code aebench train}.
 */
public final class TrialRunner {
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
        ModelFamily family = registry.get(spec.model());
        ModelConfig config = ModelConfig.resolve(family, spec.settings());
        try (Kernels kernels = KernelFactory.create(spec.threads())) {
            Provenance provenance = Provenance.capture(provenanceConfig(spec, config), spec.seed(), data.fingerprint(),
                    spec.threads(), kernels.name());
            ModelContext context = new ModelContext(data.train().height(), data.train().width(), spec.seed(), kernels);
            Autoencoder model = family.create(config, context);
            EpochListener listener = (e, n, loss, secs) ->
                    log.accept(String.format("epoch %d/%d  loss %.5f  %.2fs", e, n, loss, secs));
            FitReport fit = model.fit(data.train(), spec.epochs(), listener);
            double testMse = Evaluation.reconstructionMse(model, data.test());
            double probeAcc = Double.NaN;
            double probeSec = Double.NaN;
            if (spec.probe()) {
                float[] trainCodes = Evaluation.encodeAll(model, data.train());
                float[] testCodes = Evaluation.encodeAll(model, data.test());
                ProbeResult probe = LinearProbe.run(trainCodes, data.train().labels(), testCodes, data.test().labels(),
                        model.codeDim(), ProbeOptions.defaults(spec.seed()));
                probeAcc = probe.accuracy();
                probeSec = probe.seconds();
                log.accept(String.format("probe accuracy %.4f  %.1fs", probeAcc, probeSec));
            }
            Map<String, Double> extra = model.extraMetrics(data.test());
            return new TrialResult(spec.model(), config.values(), spec.seed(), spec.epochs(), model.parameterCount(),
                    model.codeDim(), fit.secondsPerEpoch(), fit.firstEpochSeconds(), fit.finalLoss(), testMse, probeAcc,
                    probeSec, fit.epochLoss(), extra, provenance);
        }
    }

    private static Map<String, String> provenanceConfig(TrialSpec spec, ModelConfig config) {
        Map<String, String> m = new LinkedHashMap<>(config.values());
        m.put("model", spec.model());
        m.put("epochs", Integer.toString(spec.epochs()));
        m.put("probe", Boolean.toString(spec.probe()));
        return m;
    }
}
