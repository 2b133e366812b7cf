package dev.aebench.runner.plan;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.model.Names;
import dev.aebench.runner.experiment.Distribution;
import dev.aebench.runner.experiment.Experiment;
import dev.aebench.runner.experiment.FieldProblem;
import dev.aebench.runner.experiment.ModelBlock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Expands an experiment into a {@link Plan} and checks it against the model registry before
 * anything runs: the model name, every hyperparameter name and value (in {@code set}, each
 * {@code grid} entry, each distribution), the validation split against the data, and then every
 * planned configuration is resolved ({@link ModelConfig#resolve}) and built once (untrained) so
 * that cross-field mistakes surface now. Each problem is one {@link FieldProblem} line.
 */
public final class Planner {
    private final ModelRegistry registry;

    public Planner(ModelRegistry registry) {
        this.registry = registry;
    }

    public Plan plan(Experiment experiment, DataSource data) {
        Path file = experiment.file();
        if (experiment.validation() >= data.trainImages()) {
            throw FieldProblem.at(file, "validation", "fewer than the " + data.trainImages() + " training images in "
                    + data.dir(), experiment.validation());
        }
        List<String> labels = labels(experiment.blocks());
        List<PlannedTrial> entries = new ArrayList<>();
        try (Kernels kernels = KernelFactory.create(1)) {
            for (ModelBlock block : experiment.blocks()) {
                entries.addAll(block(file, block, labels.get(block.index()), experiment.validation(), data, kernels));
            }
        }
        return new Plan(experiment.name(), data, experiment.validation(), experiment.select(), entries);
    }

    private List<PlannedTrial> block(Path file, ModelBlock block, String label, int validation, DataSource data,
                                     Kernels kernels) {
        ModelFamily family = family(file, block);
        Map<String, HyperParameter> schema = new LinkedHashMap<>();
        for (HyperParameter h : family.hyperParameters()) {
            schema.put(h.name(), h);
        }
        for (Map.Entry<String, String> e : block.set().entrySet()) {
            String path = block.path("set." + e.getKey());
            checkValue(file, path, hyperParameter(file, path, family, schema, e.getKey()), e.getValue());
        }
        for (Map.Entry<String, List<String>> e : block.grid().entrySet()) {
            String path = block.path("grid." + e.getKey());
            HyperParameter h = hyperParameter(file, path, family, schema, e.getKey());
            for (int i = 0; i < e.getValue().size(); i++) {
                checkValue(file, path + "[" + i + "]", h, e.getValue().get(i));
            }
        }
        Set<String> varyingKeys = new LinkedHashSet<>(block.grid().keySet());
        List<Map<String, String>> samples = List.of(Map.of());
        if (block.random() != null) {
            for (Map.Entry<String, Distribution> e : block.random().params().entrySet()) {
                String path = block.path("random.params." + e.getKey());
                checkDistribution(file, path, hyperParameter(file, path, family, schema, e.getKey()), e.getValue());
            }
            varyingKeys.addAll(block.random().params().keySet());
            samples = RandomSampler.draw(block.random(), schema);
        }
        List<PlannedTrial> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, String> point : GridExpansion.product(block.grid())) {
            for (Map<String, String> sample : samples) {
                Map<String, String> settings = new LinkedHashMap<>(block.set());
                settings.putAll(point);
                settings.putAll(sample);
                ModelConfig config = resolve(file, block, family, settings, data, kernels);
                String configId = TrialIds.configId(block.model(), config.values(), block.epochs(), block.probe(),
                        block.probeSolver(), validation, block.finetune(), data.fingerprint());
                if (!seen.add(configId)) {
                    continue; // a random draw that repeats an earlier configuration
                }
                String varying = varying(varyingKeys, config);
                for (int s = 0; s < block.seeds().size(); s++) {
                    long seed = block.seeds().get(s);
                    String id = TrialIds.trialId(block.model(), config.values(), block.epochs(), block.probe(),
                            block.probeSolver(), validation, block.finetune(), data.fingerprint(), seed);
                    out.add(new PlannedTrial(id, configId, block.index(), label, varying, block.model(), config.values(),
                            seed, s, block.epochs(), block.probe(), validation, block.metrics(), block.probeSolver(),
                            block.finetune()));
                }
            }
        }
        return out;
    }

    private ModelFamily family(Path file, ModelBlock block) {
        List<String> known = registry.all().stream().map(ModelFamily::name).toList();
        if (!known.contains(block.model())) {
            String near = Names.closest(block.model(), known);
            throw FieldProblem.message(file, block.path("model"), "expected a model among " + String.join(", ", known)
                    + ", found '" + block.model() + "'" + (near != null ? " (did you mean '" + near + "'?)" : ""));
        }
        return registry.get(block.model());
    }

    private static HyperParameter hyperParameter(Path file, String path, ModelFamily family,
                                                 Map<String, HyperParameter> schema, String name) {
        HyperParameter h = schema.get(name);
        if (h == null) {
            String near = Names.closest(name, schema.keySet());
            throw FieldProblem.message(file, path, "expected a hyperparameter of " + family.name() + " ("
                    + String.join(", ", schema.keySet()) + "), found '" + name + "'"
                    + (near != null ? " (did you mean '" + near + "'?)" : ""));
        }
        return h;
    }

    private static void checkValue(Path file, String path, HyperParameter h, String value) {
        String v = h.normalize(value);
        if (v.startsWith("!")) {
            throw FieldProblem.message(file, path, v.substring(1));
        }
    }

    private static void checkDistribution(Path file, String path, HyperParameter h, Distribution d) {
        boolean numeric = h.kind() == HyperParameter.Kind.INT || h.kind() == HyperParameter.Kind.REAL;
        switch (d) {
            case Distribution.Choice c -> {
                for (int i = 0; i < c.values().size(); i++) {
                    checkValue(file, path + ".choice[" + i + "]", h, c.values().get(i));
                }
            }
            case Distribution.Uniform u -> checkBounds(file, path + ".uniform", h, numeric, u.low(), u.high());
            case Distribution.LogUniform l -> checkBounds(file, path + ".loguniform", h, numeric, l.low(), l.high());
        }
    }

    private static void checkBounds(Path file, String path, HyperParameter h, boolean numeric, double low, double high) {
        String found = "[" + low + ", " + high + "]";
        if (!numeric) {
            throw FieldProblem.message(file, path, "expected {choice: [...]} for " + h.name() + " (" + h.expectation()
                    + "), found a numeric range " + found);
        }
        if (low < h.min() || high > h.max()) {
            throw FieldProblem.message(file, path, "expected bounds within " + h.expectation() + ", found " + found);
        }
        if (h.kind() == HyperParameter.Kind.INT && Math.ceil(low) > Math.floor(high)) {
            throw FieldProblem.message(file, path, "expected a range holding an integer, found " + found);
        }
    }

    private static ModelConfig resolve(Path file, ModelBlock block, ModelFamily family, Map<String, String> settings,
                                       DataSource data, Kernels kernels) {
        ModelConfig config;
        try {
            config = ModelConfig.resolve(family, settings);
            family.create(config, new ModelContext(data.height(), data.width(), block.seeds().get(0), kernels));
        } catch (UserError e) {
            throw FieldProblem.message(file, block.path(""), e.getMessage() + describe(settings));
        } catch (RuntimeException e) {
            // Not the user's mistake: the trial will fail when it runs and be recorded as failed.
            config = ModelConfig.resolve(family, settings);
        }
        return config;
    }

    private static String describe(Map<String, String> settings) {
        if (settings.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner(", ", " (in the configuration ", ")");
        settings.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    private static String varying(Set<String> keys, ModelConfig config) {
        StringJoiner j = new StringJoiner(" ");
        for (String k : keys) {
            j.add(k + "=" + config.get(k));
        }
        return j.toString();
    }

    /** Block labels: the block's name, else the model and its fixed values; repeats get "#index". */
    static List<String> labels(List<ModelBlock> blocks) {
        List<String> labels = new ArrayList<>();
        Map<String, Integer> count = new HashMap<>();
        for (ModelBlock b : blocks) {
            String label = b.name();
            if (label == null) {
                StringJoiner j = new StringJoiner(" ");
                j.add(b.model());
                b.set().forEach((k, v) -> j.add(k + "=" + v));
                label = j.toString();
            }
            labels.add(label);
            count.merge(label, 1, Integer::sum);
        }
        for (int i = 0; i < labels.size(); i++) {
            if (count.get(labels.get(i)) > 1) {
                labels.set(i, labels.get(i) + " #" + i);
            }
        }
        return labels;
    }
}
