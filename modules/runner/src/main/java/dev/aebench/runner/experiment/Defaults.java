package dev.aebench.runner.experiment;

import dev.aebench.probe.ProbeSolver;

import java.util.List;

/**
 * The {@code defaults} section: epochs, seeds, probe (and its solver) and the analyses
 * ({@code metrics}, as {@code --metrics} takes them) and fine-tuning epochs ({@code finetune}, 0:
 * none) for blocks that do not set their own, and the kernel threads per trial (null: the cores
 * divided by the trials run in parallel).
 */
public record Defaults(int epochs, List<Long> seeds, boolean probe, Integer threads, String metrics,
                       ProbeSolver probeSolver, int finetune) {
    public static final int EPOCHS = 5;

    /** Defaults without fine-tuning. */
    public Defaults(int epochs, List<Long> seeds, boolean probe, Integer threads, String metrics,
                    ProbeSolver probeSolver) {
        this(epochs, seeds, probe, threads, metrics, probeSolver, 0);
    }

    /** Defaults whose probe uses the default solver. */
    public Defaults(int epochs, List<Long> seeds, boolean probe, Integer threads, String metrics) {
        this(epochs, seeds, probe, threads, metrics, ProbeSolver.LBFGS);
    }

    public Defaults {
        seeds = List.copyOf(seeds);
    }

    /** The defaults of a file without a {@code defaults} section. */
    public static Defaults standard() {
        return new Defaults(EPOCHS, List.of(0L), true, null, "default");
    }
}
