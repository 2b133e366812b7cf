package dev.aebench.runner.trial;

import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.data.TrainTestData;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.result.TrialResult;
import dev.aebench.analysis.AnalysisOptions;
import dev.aebench.probe.ProbeSolver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trial with fine-tuning records its accuracies on both splits; a model that cannot be fine-tuned says so. */
class TrialRunnerFineTuneTest {
    static final TrainTestData DATA = new TrainTestData(SyntheticImages.generate(400, 4, 3, 1),
            SyntheticImages.generate(100, 4, 3, 2));

    private static TrialResult run(String model, Map<String, String> settings, int finetune, List<String> log) {
        return new TrialRunner(ModelRegistry.load()).run(new TrialSpec(model, settings, 3, 2, 1, true, 100,
                AnalysisOptions.none(), ProbeSolver.LBFGS, finetune), DATA, log::add);
    }

    @Test
    void fineTunedAccuraciesAreRecordedForBothSplits() {
        List<String> log = new ArrayList<>();
        TrialResult r = run("ae", Map.of("hidden", "8"), 3, log);
        assertTrue(r.metrics().has("finetune_acc"), "metrics " + r.metrics().names());
        assertTrue(r.metrics().has("finetune_val_acc"));
        double acc = r.metrics().number("finetune_acc");
        assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
        assertEquals(3, log.stream().filter(l -> l.startsWith("finetune epoch")).count(), "log " + log);
        assertEquals("3", r.provenance().config().get("finetune"));
        assertTrue(r.time().has("finetune_sec"), "phases " + r.time().names());
    }

    @Test
    void withoutFineTuningNothingChanges() {
        TrialResult r = run("ae", Map.of("hidden", "8"), 0, new ArrayList<>());
        assertFalse(r.metrics().has("finetune_acc"));
        assertFalse(r.provenance().config().containsKey("finetune"), "provenance as before fine-tuning existed");
    }

    @Test
    void aModelThatCannotBeFineTunedGetsOneLine() {
        List<String> log = new ArrayList<>();
        TrialResult r = run("psd", Map.of("hidden", "8"), 2, log);
        assertFalse(r.metrics().has("finetune_acc"));
        assertEquals(1, log.stream().filter(l -> l.startsWith("finetune: skipped, model psd cannot be fine-tuned")).count(),
                "log " + log);
    }
}
