package dev.aebench.runner.experiment;

import dev.aebench.probe.ProbeSolver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code models}: a family, an optional label, fixed {@code set} values, a
 * {@code grid} (the cartesian product of its value lists), an optional seeded {@code random}
 * search, and the seeds, epochs, probe choice (and its solver), analyses ({@code metrics}) and
 * fine-tuning epochs ({@code finetune}, 0: none) (defaults already applied). Values are the text
 * the file gave; the planner checks them against the family's hyperparameters.
 *
 * @param index position in the file's {@code models} list, for error paths
 */
public record ModelBlock(int index, String model, String name, Map<String, String> set, Map<String, List<String>> grid,
                         RandomSearch random, List<Long> seeds, int epochs, boolean probe,
                         String metrics, ProbeSolver probeSolver, int finetune) {
    /** A block that is not fine-tuned. */
    public ModelBlock(int index, String model, String name, Map<String, String> set, Map<String, List<String>> grid,
                      RandomSearch random, List<Long> seeds, int epochs, boolean probe, String metrics,
                      ProbeSolver probeSolver) {
        this(index, model, name, set, grid, random, seeds, epochs, probe, metrics, probeSolver, 0);
    }

    /** A block whose probe uses the default solver. */
    public ModelBlock(int index, String model, String name, Map<String, String> set, Map<String, List<String>> grid,
                      RandomSearch random, List<Long> seeds, int epochs, boolean probe, String metrics) {
        this(index, model, name, set, grid, random, seeds, epochs, probe, metrics, ProbeSolver.LBFGS);
    }

    public ModelBlock {
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        Map<String, List<String>> g = new LinkedHashMap<>();
        grid.forEach((k, v) -> g.put(k, List.copyOf(v)));
        grid = Collections.unmodifiableMap(g);
        seeds = List.copyOf(seeds);
    }

    /** The path of a field of this block in the file, such as {@code models[2].grid.sigma}. */
    public String path(String field) {
        return "models[" + index + "]" + (field.isEmpty() ? "" : "." + field);
    }
}
