package dev.aebench.runner.experiment;

import dev.aebench.analysis.AnalysisOptions;
import dev.aebench.core.data.SyntheticPlane;
import dev.aebench.core.error.UserError;
import dev.aebench.finetune.FineTuneOptions;
import dev.aebench.probe.ProbeSolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an experiment file into an {@link Experiment}, checking every key (unknown ones get a
 * "did you mean") and every type and range that does not depend on the model families. The
 * schema, with defaults:
 *
 * <pre>
 * name: quick                 # required; letters, digits, . _ -  (the default output folder)
 * description: Do DAEs ...    # optional: the question asked, in prose (shown in reports; up to 4000 characters)
 * data: ../fashion            # optional data folder, relative to this file, or synthetic:NAME[:SEED]
 * validation: 10000           # last training images held out for model selection; 0: none
 * select: val_mse             # or val_probe_acc: what selects the best configuration per block
 * defaults:                   # inherited by every block
 *   epochs: 5
 *   seeds: 1                  # a count (seeds 0..n-1) or a list such as [0, 7, 42]
 *   probe: true               # or false, or {solver: sgd} (lbfgs, the default, or sgd)
 *   threads: 2                # kernel threads per trial (default: cores / --parallel)
 *   metrics: default          # analyses: default, all, none or a list (see: aebench train --help)
 *   finetune: {epochs: 10}    # also fine-tune each encoder with a softmax layer (default: not; false: off)
 * models:                     # one block per family configuration space
 *   - model: dae
 *     name: dae-gaussian      # optional label in tables
 *     set: {noise: gaussian}  # fixed hyperparameters
 *     grid: {sigma: [0.1, 0.3]}                 # cartesian product of the lists
 *     random: {n: 4, seed: 1, params: {lr: {loguniform: [1e-4, 1e-2]}}}
 *     seeds: [0, 1, 2]
 *     epochs: 20
 *     probe: false
 *     metrics: [saturation, spectrum]
 *     finetune: false
 * </pre>
 */
public final class ExperimentReader {
    static final List<String> TOP_KEYS = List.of("name", "description", "data", "validation", "select", "defaults", "models");
    static final List<String> DEFAULT_KEYS = List.of("epochs", "seeds", "probe", "threads", "metrics", "finetune");
    static final List<String> BLOCK_KEYS = List.of("model", "name", "set", "grid", "random", "seeds", "epochs", "probe",
            "metrics", "finetune");
    static final List<String> FINETUNE_KEYS = List.of("epochs");
    static final List<String> PROBE_KEYS = List.of("solver");
    static final List<String> RANDOM_KEYS = List.of("n", "seed", "params");
    static final List<String> DISTRIBUTION_KEYS = List.of("uniform", "loguniform", "choice");
    private static final int MAX_EPOCHS = 1_000_000;
    private static final int MAX_SEEDS = 10_000;
    private static final int MAX_SAMPLES = 100_000;
    private static final int MAX_DESCRIPTION = 4000;

    private ExperimentReader() {
    }

    /** Reads and checks a file. */
    public static Experiment read(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new UserError(file + ": expected an experiment file, found a folder");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such experiment file");
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": expected UTF-8 text, found undecodable bytes");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    /** Checks the text of a file named {@code file}. */
    public static Experiment parse(Path file, String text) {
        YamlNode root = new YamlNode(file, "", load(file, text));
        Map<String, YamlNode> top = root.strictMap("a mapping with keys " + String.join(", ", TOP_KEYS), TOP_KEYS);
        String name = required(top, file, "name", "an experiment name (letters, digits, '.', '_', '-')")
                .text("an experiment name (letters, digits, '.', '_', '-')", "[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
        String description = null;
        if (top.containsKey("description")) {
            YamlNode d = top.get("description");
            description = d.text("a description: text of 1 to " + MAX_DESCRIPTION + " characters", "(?s).*\\S.*").strip();
            if (description.length() > MAX_DESCRIPTION) {
                throw d.problem("a description of at most " + MAX_DESCRIPTION + " characters");
            }
        }
        Path data = null;
        if (top.containsKey("data")) {
            YamlNode d = top.get("data");
            String dir = d.text("a folder of MNIST-format IDX files, relative to the experiment file", ".+");
            if (SyntheticPlane.isSpec(dir)) {
                String problem = SyntheticPlane.problem(dir);
                if (problem != null) {
                    throw FieldProblem.message(file, "data", problem);
                }
                data = Path.of(dir);
            } else {
                data = file.toAbsolutePath().getParent().resolve(dir).normalize();
                if (!Files.isDirectory(data)) {
                    throw d.problem("an existing folder (relative to the experiment file)");
                }
            }
        }
        int validation = top.containsKey("validation")
                ? (int) top.get("validation").integer(0, Integer.MAX_VALUE) : Experiment.DEFAULT_VALIDATION;
        Selection select = Selection.VAL_MSE;
        if (top.containsKey("select")) {
            String expected = "one of " + String.join(", ", Selection.names());
            select = Selection.fromMetric(top.get("select").text(expected, String.join("|", Selection.names())));
        }
        Defaults defaults = top.containsKey("defaults") ? defaults(top.get("defaults")) : Defaults.standard();
        List<YamlNode> models = required(top, file, "models", "a non-empty list of model blocks")
                .list("a non-empty list of model blocks", true);
        List<ModelBlock> blocks = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ModelBlock block = block(i, models.get(i), defaults);
            if (select == Selection.VAL_PROBE_ACC && validation > 0 && !block.probe()) {
                throw FieldProblem.message(file, block.path("probe"), "expected true (select: val_probe_acc needs the "
                        + "probe in every block), found false");
            }
            blocks.add(block);
        }
        return new Experiment(file, name, description, data, validation, select, defaults, blocks, text);
    }

    private static Object load(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ": ";
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new UserError(file + ": " + where + "expected valid YAML, found a syntax error (" + oneLine(problem) + ")");
        } catch (YAMLException e) {
            throw new UserError(file + ": expected valid YAML, found a syntax error (" + oneLine(e.getMessage()) + ")");
        }
    }

    private static Defaults defaults(YamlNode node) {
        Map<String, YamlNode> m = node.strictMap("a mapping with keys " + String.join(", ", DEFAULT_KEYS), DEFAULT_KEYS);
        Defaults std = Defaults.standard();
        int epochs = m.containsKey("epochs") ? (int) m.get("epochs").integer(1, MAX_EPOCHS) : std.epochs();
        List<Long> seeds = m.containsKey("seeds") ? seeds(m.get("seeds")) : std.seeds();
        boolean probe = m.containsKey("probe") ? probeOn(m.get("probe")) : std.probe();
        ProbeSolver solver = m.containsKey("probe") ? probeSolver(m.get("probe"), std.probeSolver()) : std.probeSolver();
        Integer threads = m.containsKey("threads") ? (int) m.get("threads").integer(1, 1024) : null;
        String metrics = m.containsKey("metrics") ? metrics(m.get("metrics")) : std.metrics();
        int finetune = m.containsKey("finetune") ? finetune(m.get("finetune")) : std.finetune();
        return new Defaults(epochs, seeds, probe, threads, metrics, solver, finetune);
    }

    private static ModelBlock block(int index, YamlNode node, Defaults defaults) {
        Map<String, YamlNode> m = node.strictMap("a model block (a mapping with keys " + String.join(", ", BLOCK_KEYS) + ")",
                BLOCK_KEYS);
        String expectModel = "a model name (see: aebench models)";
        if (!m.containsKey("model")) {
            throw FieldProblem.at(node.file(), node.path() + ".model", expectModel, null);
        }
        String model = m.get("model").text(expectModel, "\\S+");
        String name = m.containsKey("name") ? m.get("name").text("a label of 1 to 60 characters on one line", "[^\\n\\r]{1,60}") : null;
        Map<String, String> set = new LinkedHashMap<>();
        if (m.containsKey("set")) {
            for (Map.Entry<String, YamlNode> e : m.get("set").map("a mapping of hyperparameter to value").entrySet()) {
                set.put(e.getKey(), e.getValue().scalar());
            }
        }
        Map<String, List<String>> grid = new LinkedHashMap<>();
        if (m.containsKey("grid")) {
            Map<String, YamlNode> g = m.get("grid").map("a mapping of hyperparameter to a list of values");
            if (g.isEmpty()) {
                throw m.get("grid").problem("a non-empty mapping of hyperparameter to a list of values");
            }
            for (Map.Entry<String, YamlNode> e : g.entrySet()) {
                List<String> values = new ArrayList<>();
                for (YamlNode v : e.getValue().list("a non-empty list", true)) {
                    values.add(v.scalar());
                }
                if (new LinkedHashSet<>(values).size() != values.size()) {
                    throw e.getValue().problem("a list of distinct values");
                }
                checkOnce(e.getValue(), e.getKey(), set.keySet(), "set");
                grid.put(e.getKey(), values);
            }
        }
        RandomSearch random = null;
        if (m.containsKey("random")) {
            random = random(m.get("random"));
            for (String key : random.params().keySet()) {
                YamlNode at = new YamlNode(node.file(), node.path() + ".random.params." + key, null);
                checkOnce(at, key, set.keySet(), "set");
                checkOnce(at, key, grid.keySet(), "grid");
            }
        }
        List<Long> seeds = m.containsKey("seeds") ? seeds(m.get("seeds")) : defaults.seeds();
        int epochs = m.containsKey("epochs") ? (int) m.get("epochs").integer(1, MAX_EPOCHS) : defaults.epochs();
        boolean probe = m.containsKey("probe") ? probeOn(m.get("probe")) : defaults.probe();
        ProbeSolver solver = m.containsKey("probe") ? probeSolver(m.get("probe"), defaults.probeSolver())
                : defaults.probeSolver();
        String metrics = m.containsKey("metrics") ? metrics(m.get("metrics")) : defaults.metrics();
        int finetune = m.containsKey("finetune") ? finetune(m.get("finetune")) : defaults.finetune();
        return new ModelBlock(index, model, name, set, grid, random, seeds, epochs, probe, metrics, solver, finetune);
    }

    /** {@code finetune: {epochs: N}} (N in [1, 1000000]), or {@code false} (none); the epochs, 0 for none. */
    private static int finetune(YamlNode node) {
        String expected = "false or a mapping {epochs: N} with N an integer in [1, " + FineTuneOptions.MAX_EPOCHS
                + "] (fine-tuning epochs)";
        if (!node.isMap()) {
            if (Boolean.FALSE.equals(node.raw())) {
                return 0;
            }
            throw node.problem(expected);
        }
        Map<String, YamlNode> m = node.strictMap(expected, FINETUNE_KEYS);
        if (!m.containsKey("epochs")) {
            throw FieldProblem.at(node.file(), node.path() + ".epochs", "an integer in [1, " + FineTuneOptions.MAX_EPOCHS
                    + "] (fine-tuning epochs)", null);
        }
        return (int) m.get("epochs").integer(1, FineTuneOptions.MAX_EPOCHS);
    }

    /** {@code probe: true|false}, or {@code probe: {solver: NAME}} (the probe on, with that solver). */
    private static boolean probeOn(YamlNode node) {
        if (node.isMap()) {
            probeSolver(node, ProbeSolver.LBFGS); // checks the mapping
            return true;
        }
        return node.bool();
    }

    private static ProbeSolver probeSolver(YamlNode node, ProbeSolver otherwise) {
        if (!node.isMap()) {
            return otherwise;
        }
        Map<String, YamlNode> m = node.strictMap("true, false or a mapping {solver: " + String.join("|",
                ProbeSolver.names().split(", ")) + "}", PROBE_KEYS);
        if (!m.containsKey("solver")) {
            return otherwise;
        }
        YamlNode s = m.get("solver");
        String expected = "a probe solver, one of " + ProbeSolver.names();
        String text = s.text(expected, ".+");
        try {
            return ProbeSolver.parse("", text);
        } catch (UserError e) {
            throw s.problem(expected);
        }
    }

    /** {@code default}, {@code all}, {@code none}, a comma-separated text or a list of analysis names, checked. */
    private static String metrics(YamlNode node) {
        String text;
        if (node.isList()) {
            List<String> names = new ArrayList<>();
            for (YamlNode v : node.list("a list of analysis names", true)) {
                names.add(v.scalar());
            }
            text = String.join(",", names);
        } else {
            text = node.scalar();
        }
        AnalysisOptions.parseSelection(text, node.file() + ": " + node.path());
        return text;
    }

    private static void checkOnce(YamlNode at, String key, Set<String> other, String otherName) {
        if (other.contains(key)) {
            throw FieldProblem.message(at.file(), at.path(), "expected each hyperparameter in only one of set, grid "
                    + "and random, found '" + key + "' in " + otherName + " too");
        }
    }

    private static RandomSearch random(YamlNode node) {
        Map<String, YamlNode> m = node.strictMap("a mapping with keys n, seed, params", RANDOM_KEYS);
        if (!m.containsKey("n")) {
            throw FieldProblem.at(node.file(), node.path() + ".n", "the number of configurations to draw (an integer >= 1)", null);
        }
        int n = (int) m.get("n").integer(1, MAX_SAMPLES);
        long seed = m.containsKey("seed") ? m.get("seed").integer(0, Long.MAX_VALUE) : 0;
        if (!m.containsKey("params")) {
            throw FieldProblem.at(node.file(), node.path() + ".params",
                    "a mapping of hyperparameter to distribution (uniform, loguniform or choice)", null);
        }
        Map<String, YamlNode> ps = m.get("params").map("a mapping of hyperparameter to distribution");
        if (ps.isEmpty()) {
            throw m.get("params").problem("a non-empty mapping of hyperparameter to distribution");
        }
        Map<String, Distribution> params = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : ps.entrySet()) {
            params.put(e.getKey(), distribution(e.getValue()));
        }
        return new RandomSearch(n, seed, params);
    }

    private static Distribution distribution(YamlNode node) {
        String expected = "one of {uniform: [low, high]}, {loguniform: [low, high]}, {choice: [values]}";
        Map<String, YamlNode> m = node.strictMap(expected, DISTRIBUTION_KEYS);
        if (m.size() != 1) {
            throw node.problem(expected);
        }
        Map.Entry<String, YamlNode> only = m.entrySet().iterator().next();
        YamlNode args = only.getValue();
        if (only.getKey().equals("choice")) {
            List<String> values = new ArrayList<>();
            for (YamlNode v : args.list("a non-empty list of values", true)) {
                values.add(v.scalar());
            }
            return new Distribution.Choice(values);
        }
        String bounds = only.getKey().equals("loguniform") ? "[low, high] with 0 < low < high" : "[low, high] with low < high";
        List<YamlNode> lh = args.list(bounds, true);
        if (lh.size() != 2) {
            throw args.problem(bounds);
        }
        double low = lh.get(0).number("a number");
        double high = lh.get(1).number("a number");
        if (!(low < high) || (only.getKey().equals("loguniform") && !(low > 0))) {
            throw args.problem(bounds);
        }
        return only.getKey().equals("loguniform") ? new Distribution.LogUniform(low, high) : new Distribution.Uniform(low, high);
    }

    private static List<Long> seeds(YamlNode node) {
        String expected = "a seed count (an integer in [1, " + MAX_SEEDS + "]) or a non-empty list of distinct integers >= 0";
        if (node.isList()) {
            List<Long> seeds = new ArrayList<>();
            for (YamlNode s : node.list(expected, true)) {
                seeds.add(s.integer(0, Long.MAX_VALUE));
            }
            if (new LinkedHashSet<>(seeds).size() != seeds.size()) {
                throw node.problem("a list of distinct seeds");
            }
            return seeds;
        }
        if (!(node.raw() instanceof Integer)) {
            throw node.problem(expected);
        }
        long n = node.integer(1, MAX_SEEDS);
        List<Long> seeds = new ArrayList<>();
        for (long s = 0; s < n; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    private static YamlNode required(Map<String, YamlNode> m, Path file, String key, String expected) {
        YamlNode n = m.get(key);
        if (n == null) {
            throw FieldProblem.at(file, key, expected, null);
        }
        return n;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
