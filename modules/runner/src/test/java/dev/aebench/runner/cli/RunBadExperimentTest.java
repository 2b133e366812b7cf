package dev.aebench.runner.cli;

import dev.aebench.runner.testing.IdxFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad experiment file: exit 2, one line naming the file and the field, nothing
 * written. Expected fragments are separated by "||".
 */
class RunBadExperimentTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = IdxFolder.write(tmp.resolve("data"), 60, 20, 8, 1);
    }

    private static final String HEAD = "name: bad\nvalidation: 10\ndefaults: {epochs: 1, probe: false}\n";

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("unknown top-level key", HEAD + "modles:\n  - model: ae\n",
                        "modles: expected a key among name, description, data, validation, select, defaults, models, found 'modles' (did you mean 'models'?)"),
                Arguments.of("unknown block key", HEAD + "models:\n  - model: ae\n    grd: {lr: [0.1]}\n",
                        "models[0].grd: expected a key among model, name, set, grid, random, seeds, epochs, probe, metrics, finetune, found 'grd' (did you mean 'grid'?)"),
                Arguments.of("unknown defaults key", "name: bad\ndefaults: {epoch: 3}\nmodels: [{model: ae}]\n",
                        "defaults.epoch: expected a key among epochs, seeds, probe, threads, metrics, finetune, found 'epoch' (did you mean 'epochs'?)"),
                Arguments.of("unknown analysis", HEAD + "models:\n  - model: ae\n    metrics: [saturation, jacobain]\n",
                        "models[0].metrics: expected default, all, none or a comma-separated list of||found 'jacobain'"),
                Arguments.of("unknown model", HEAD + "models:\n  - model: ae\n  - model: pcaa\n",
                        "models[1].model: expected a model among||found 'pcaa' (did you mean 'pca'?)"),
                Arguments.of("unknown hyperparameter", HEAD + "models:\n  - model: ae\n    grid: {hiden: [4, 8]}\n",
                        "models[0].grid.hiden: expected a hyperparameter of ae (||found 'hiden' (did you mean 'hidden'?)"),
                Arguments.of("empty grid list", HEAD + "models:\n  - model: pca\n  - model: ae\n  - model: ae\n    grid:\n      lr: []\n",
                        "models[2].grid.lr: expected a non-empty list, found []"),
                Arguments.of("empty grid", HEAD + "models:\n  - model: ae\n    grid: {}\n",
                        "models[0].grid: expected a non-empty mapping of hyperparameter to a list of values, found {}"),
                Arguments.of("wrong type", "name: bad\ndefaults: {epochs: five}\nmodels: [{model: ae}]\n",
                        "defaults.epochs: expected an integer in [1, 1000000], found 'five'"),
                Arguments.of("value out of range", HEAD + "models:\n  - model: ae\n    grid: {lr: [0.01, 20]}\n",
                        "models[0].grid.lr[1]: expected a number in [||found 20"),
                Arguments.of("bad probe solver", HEAD + "models:\n  - model: ae\n    probe: {solver: newton}\n",
                        "models[0].probe.solver: expected a probe solver, one of lbfgs, sgd, found 'newton'"),
                Arguments.of("negative fine-tuning epochs", HEAD + "models:\n  - model: ae\n    finetune: {epochs: -1}\n",
                        "models[0].finetune.epochs: expected an integer in [1, 1000000], found -1"),
                Arguments.of("zero fine-tuning epochs", "name: bad\ndefaults: {finetune: {epochs: 0}}\nmodels: [{model: ae}]\n",
                        "defaults.finetune.epochs: expected an integer in [1, 1000000], found 0"),
                Arguments.of("fractional fine-tuning epochs", HEAD + "models:\n  - model: ae\n    finetune: {epochs: 2.5}\n",
                        "models[0].finetune.epochs: expected an integer in [1, 1000000], found 2.5"),
                Arguments.of("fine-tuning without a mapping", HEAD + "models:\n  - model: ae\n    finetune: 3\n",
                        "models[0].finetune: expected false or a mapping {epochs: N} with N an integer in [1, 1000000] "
                                + "(fine-tuning epochs), found 3"),
                Arguments.of("fine-tuning without epochs", HEAD + "models:\n  - model: ae\n    finetune: {}\n",
                        "models[0].finetune.epochs: expected an integer in [1, 1000000] (fine-tuning epochs), found nothing"),
                Arguments.of("bad probe key", HEAD + "models:\n  - model: ae\n    probe: {solvr: sgd}\n",
                        "models[0].probe.solvr: expected a key among solver, found 'solvr' (did you mean 'solver'?)"),
                Arguments.of("bad choice", HEAD + "models:\n  - model: ae\n    set: {activation: softmax}\n",
                        "models[0].set.activation: expected one of sigmoid, relu, tanh, identity, found 'softmax'"),
                Arguments.of("unknown distribution", HEAD + "models:\n  - model: ae\n    random: {n: 3, params: {lr: {normal: [0, 1]}}}\n",
                        "models[0].random.params.lr.normal: expected a key among uniform, loguniform, choice, found 'normal'"),
                Arguments.of("loguniform from 0", HEAD + "models:\n  - model: ae\n    random: {n: 3, params: {lr: {loguniform: [0, 0.1]}}}\n",
                        "models[0].random.params.lr.loguniform: expected [low, high] with 0 < low < high, found [0, 0.1]"),
                Arguments.of("range for a choice", HEAD + "models:\n  - model: ae\n    random: {n: 3, params: {activation: {uniform: [0, 1]}}}\n",
                        "models[0].random.params.activation.uniform: expected {choice: [...]} for activation"),
                Arguments.of("random without n", HEAD + "models:\n  - model: ae\n    random: {params: {lr: {choice: [0.1]}}}\n",
                        "models[0].random.n: expected the number of configurations to draw (an integer >= 1), found nothing"),
                Arguments.of("set and grid both", HEAD + "models:\n  - model: ae\n    set: {lr: 0.1}\n    grid: {lr: [0.1, 0.2]}\n",
                        "models[0].grid.lr: expected each hyperparameter in only one of set, grid and random, found 'lr' in set too"),
                Arguments.of("empty seed list", HEAD + "models:\n  - model: ae\n    seeds: []\n",
                        "models[0].seeds: expected a seed count"),
                Arguments.of("cross-field", HEAD + "models:\n  - model: pca\n    grid: {k: [8, 100]}\n",
                        "models[0]: k: expected at most the input size 64, found 100 (in the configuration k=100)"),
                Arguments.of("validation too large", "name: bad\nvalidation: 60\nmodels: [{model: ae}]\n",
                        "validation: expected fewer than the 60 training images in"),
                Arguments.of("missing name", "models: [{model: ae}]\n",
                        "name: expected an experiment name (letters, digits, '.', '_', '-'), found nothing"),
                Arguments.of("not a mapping", "- model: ae\n", "expected a mapping with keys name, description, data, validation, select, defaults, models"),
                Arguments.of("empty file", "", "expected a mapping with keys name, description, data, validation, select, defaults, models, found nothing"),
                Arguments.of("YAML syntax", "name: bad\nmodels: [{model: ae}\n", "expected valid YAML, found a syntax error"),
                Arguments.of("duplicate key", "name: bad\nname: worse\nmodels: [{model: ae}]\n", "line 2: expected valid YAML"),
                Arguments.of("unknown criterion", "name: bad\nselect: test_mse\nmodels: [{model: ae}]\n",
                        "select: expected one of val_mse, val_probe_acc, found 'test_mse'"),
                Arguments.of("probe criterion without probe", "name: bad\nvalidation: 10\nselect: val_probe_acc\n"
                        + "models: [{model: ae}, {model: pca, probe: false}]\n",
                        "models[1].probe: expected true (select: val_probe_acc needs the probe in every block), found false"),
                Arguments.of("missing data folder", "name: bad\ndata: nowhere\nmodels: [{model: ae}]\n",
                        "data: expected an existing folder (relative to the experiment file), found 'nowhere'"),
                Arguments.of("unknown synthetic data", "name: bad\ndata: synthetic:moons\nmodels: [{model: ae}]\n",
                        "data: expected synthetic:NAME[:SEED] with NAME one of mixture, circle, spiral and SEED a "
                                + "non-negative integer, found 'synthetic:moons'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void oneClearLineExitTwoNothingWritten(String kind, String yaml, String expected) throws IOException {
        Path file = tmp.resolve(kind.replace(' ', '-') + ".yaml");
        Files.writeString(file, yaml);
        Path out = tmp.resolve("out-" + kind.replace(' ', '-'));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[] {"run", file.toString(), "--out", out.toString(), "--data", data.toString()},
                new PrintWriter(o, true), new PrintWriter(e, true));
        String err = e.toString();
        assertEquals(2, code, err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("aebench: " + file + ": "), err);
        for (String fragment : expected.split("\\|\\|")) {
            assertTrue(err.contains(fragment), "expected <" + fragment + "> in: " + err);
        }
        assertFalse(Files.exists(out), "nothing written on a bad file");
        assertEquals("", o.toString());
    }
}
