package dev.aebench.runner.plan;

import dev.aebench.probe.ProbeSolver;

import dev.aebench.core.model.ModelRegistry;
import dev.aebench.runner.experiment.ExperimentReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {
    private static final ModelRegistry REGISTRY = ModelRegistry.load();
    private static final DataSource DATA = new DataSource(Path.of("/data"), "sha256:0123456789abcdef", 200, 8, 8);
    private static final Path FILE = Path.of("experiments/t.yaml");

    private static Plan plan(String yaml) {
        return new Planner(REGISTRY).plan(ExperimentReader.parse(FILE, yaml), DATA);
    }

    private static Set<String> ids(Plan p) {
        Set<String> s = new HashSet<>();
        p.trials().forEach(t -> s.add(t.id()));
        return s;
    }

    @Test
    void gridIsTheCartesianProductTimesSeedsFirstKeySlowest() {
        Plan p = plan("""
                name: t
                validation: 20
                defaults: {epochs: 2, seeds: 2, probe: false}
                models:
                  - model: ae
                    set: {batch: 32}
                    grid: {hidden: [4, 8, 16], lr: [0.001, 0.01]}
                """);
        assertEquals(12, p.size());
        List<PlannedTrial> t = p.trials();
        assertEquals("hidden=4 lr=0.001", t.get(0).varying());
        assertEquals(0, t.get(0).seed());
        assertEquals(1, t.get(1).seed());
        assertEquals("hidden=4 lr=0.01", t.get(2).varying());
        assertEquals("hidden=8 lr=0.001", t.get(4).varying());
        assertEquals("32", t.get(0).params().get("batch"));
        assertEquals("sigmoid", t.get(0).params().get("activation"), "resolved with the family's defaults");
        assertEquals(6, t.stream().map(PlannedTrial::configId).distinct().count());
        // execution runs every configuration's first seed before any second seed
        List<PlannedTrial> order = p.executionOrder();
        assertTrue(order.subList(0, 6).stream().allMatch(x -> x.seedIndex() == 0));
    }

    @Test
    void randomSearchIsSeededInRangeAndReproducible() {
        String yaml = """
                name: t
                validation: 0
                models:
                  - model: ae
                    random:
                      n: 20
                      seed: 7
                      params:
                        lr: {loguniform: [1e-4, 1e-2]}
                        batch: {uniform: [8, 64]}
                        activation: {choice: [sigmoid, relu]}
                """;
        Plan a = plan(yaml);
        Plan b = plan(yaml);
        assertEquals(ids(a), ids(b));
        assertTrue(a.size() > 10, "20 draws, at most a few repeats: " + a.size());
        for (PlannedTrial t : a.trials()) {
            double lr = Double.parseDouble(t.params().get("lr"));
            assertTrue(lr >= 1e-4 && lr <= 1e-2, "lr " + lr);
            int batch = Integer.parseInt(t.params().get("batch"));
            assertTrue(batch >= 8 && batch <= 64, "batch " + batch);
            assertTrue(Set.of("sigmoid", "relu").contains(t.params().get("activation")));
        }
        Plan other = plan(yaml.replace("seed: 7", "seed: 8"));
        assertNotEquals(ids(a), ids(other), "another seed draws other configurations");
    }

    @Test
    void idsAreStableAndIndependentOfLabelsOrderAndSpelling() {
        Plan a = plan("""
                name: t
                validation: 20
                models:
                  - {model: ae, grid: {lr: [0.1, 0.01]}}
                  - {model: pca, set: {k: 8}}
                """);
        Plan b = plan("""
                name: renamed
                validation: 20
                models:
                  - {model: pca, name: baseline, set: {k: 8, method: auto}}
                  - {model: ae, name: shallow, grid: {lr: [1e-1, 0.010]}, set: {hidden: 256}}
                """);
        assertEquals(ids(a), ids(b));
    }

    @Test
    void changedExperimentKeepsTheIdsOfUnchangedTrials() {
        Plan before = plan("""
                name: t
                validation: 20
                defaults: {seeds: 2}
                models:
                  - {model: ae, grid: {hidden: [4, 8]}}
                  - {model: pca, set: {k: 8}}
                """);
        Plan after = plan("""
                name: t
                validation: 20
                defaults: {seeds: 3}
                models:
                  - {model: ae, grid: {hidden: [4, 8, 16]}}
                  - {model: pca, set: {k: 8}, epochs: 9}
                """);
        Set<String> kept = ids(before);
        kept.retainAll(ids(after));
        // ae: 2 configurations x 2 seeds kept; pca's epochs changed, so its trials are new ones
        assertEquals(4, kept.size());
        assertEquals(3 * 3 + 3, after.size());
    }

    @Test
    void validationDataAndSeedArePartOfTheId() {
        String yaml = "name: t\nvalidation: 20\nmodels: [{model: pca, set: {k: 8}}]\n";
        Plan a = plan(yaml);
        Plan v = plan(yaml.replace("validation: 20", "validation: 30"));
        Plan d = new Planner(REGISTRY).plan(ExperimentReader.parse(FILE, yaml),
                new DataSource(Path.of("/data"), "sha256:ffffffffffffffff", 200, 8, 8));
        Plan s = plan(yaml.replace("models:", "defaults: {seeds: [5]}\nmodels:"));
        Set<String> all = new HashSet<>();
        for (Plan p : List.of(a, v, d, s)) {
            all.addAll(ids(p));
        }
        assertEquals(4, all.size());
    }

    @Test
    void probeSolverIsPartOfTheIdsAndThePlan() {
        String head = "name: t\nvalidation: 0\nmodels:\n  - model: pca\n    set: {k: 2}\n";
        Plan lbfgs = plan(head);
        Plan sgd = plan(head + "    probe: {solver: sgd}\n");
        Plan sgdByDefault = plan("name: t\nvalidation: 0\ndefaults: {probe: {solver: SGD}}\nmodels:\n  - model: pca\n"
                + "    set: {k: 2}\n");
        assertEquals(ProbeSolver.LBFGS, lbfgs.trials().get(0).probeSolver());
        assertEquals(ProbeSolver.SGD, sgd.trials().get(0).probeSolver());
        assertEquals(ids(sgd), ids(sgdByDefault));
        assertNotEquals(ids(lbfgs), ids(sgd), "ids differ by solver");
        assertEquals(ProbeSolver.SGD, sgd.trials().get(0).spec(1).probeSolver());
        assertEquals(sgd.trials().get(0), PlannedTrial.fromJson(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(sgd.trials().get(0).toMap())));
    }

    @Test
    void fineTuningIsInheritedPartOfTheIdsAndThePlan() {
        String head = "name: t\nvalidation: 0\ndefaults: {finetune: {epochs: 4}}\nmodels:\n  - model: pca\n    set: {k: 2}\n";
        Plan tuned = plan(head);
        Plan off = plan(head + "    finetune: false\n");
        Plan none = plan("name: t\nvalidation: 0\nmodels:\n  - model: pca\n    set: {k: 2}\n");
        Plan six = plan(head + "    finetune: {epochs: 6}\n");
        assertEquals(4, tuned.trials().get(0).finetune());
        assertEquals(4, tuned.trials().get(0).spec(1).finetune());
        assertEquals(0, off.trials().get(0).finetune());
        assertEquals(6, six.trials().get(0).finetune());
        assertEquals(ids(none), ids(off), "a trial that is not fine-tuned keeps the id it had before fine-tuning");
        assertNotEquals(ids(none), ids(tuned));
        assertNotEquals(ids(tuned), ids(six));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(tuned.trials().get(0), PlannedTrial.fromJson(json.valueToTree(tuned.trials().get(0).toMap())));
        assertEquals(off.trials().get(0), PlannedTrial.fromJson(json.valueToTree(off.trials().get(0).toMap())));
        assertEquals("{\"data\":\"fp\",\"epochs\":3,\"finetune\":2,\"model\":\"ae\",\"params\":{},\"probe\":false,"
                        + "\"seed\":4,\"validation\":10}",
                TrialIds.canonical("ae", Map.of(), 3, false, ProbeSolver.LBFGS, 10, 2, "fp", 4L));
    }

    @Test
    void canonicalTextIsPinned() {
        // The id is the hash of this text; changing its form would orphan every recorded result.
        assertEquals("{\"data\":\"fp\",\"epochs\":3,\"model\":\"ae\",\"params\":{\"a\":\"1\",\"b\":\"2\"},\"probe\":true,"
                        + "\"seed\":4,\"validation\":10}",
                TrialIds.canonical("ae", Map.of("b", "2", "a", "1"), 3, true, ProbeSolver.SGD, 10, "fp", 4L));
        assertEquals("{\"data\":\"fp\",\"epochs\":3,\"model\":\"ae\",\"params\":{},\"probe\":true,"
                        + "\"probe_solver\":\"lbfgs\",\"seed\":4,\"validation\":10}",
                TrialIds.canonical("ae", Map.of(), 3, true, ProbeSolver.LBFGS, 10, "fp", 4L));
        assertEquals("{\"data\":\"fp\",\"epochs\":3,\"model\":\"ae\",\"params\":{},\"probe\":false,"
                        + "\"seed\":4,\"validation\":10}",
                TrialIds.canonical("ae", Map.of(), 3, false, ProbeSolver.LBFGS, 10, "fp", 4L));
        assertEquals(16, TrialIds.trialId("ae", Map.of(), 3, true, 10, "fp", 4).length());
    }

    @Test
    void blocksPlanningTheSameTrialShareIt() {
        Plan p = plan("""
                name: t
                validation: 0
                models:
                  - {model: pca, name: one, set: {k: 8}}
                  - {model: pca, name: two, grid: {k: [8, 16]}}
                """);
        assertEquals(3, p.entries().size());
        assertEquals(2, p.size());
    }

    @Test
    void labelsDefaultToModelAndFixedValuesAndStayDistinct() {
        Plan p = plan("""
                name: t
                validation: 0
                models:
                  - {model: ae}
                  - {model: ae, set: {penalty: "l2:0.0001"}}
                  - {model: ae}
                """);
        List<String> labels = p.entries().stream().map(PlannedTrial::blockLabel).distinct().toList();
        assertEquals(List.of("ae #0", "ae penalty=l2:0.0001", "ae #2"), labels);
    }
}
