package dev.aebench.perf;

import dev.aebench.core.error.UserError;

import java.util.List;

/**
 * What {@code perf compare} was asked to do, validated.
 *
 * @param base          the base revision (anything {@code git rev-parse} accepts)
 * @param mode          workload size
 * @param families      families to compare; empty means every family both sides register
 * @param rounds        A B rounds: each runs the base and then the working tree in a fresh JVM
 * @param repeats       timed repeats per family in each JVM
 * @param threshold     relative slowdown of the median ratio that counts (0.15 = 15%)
 * @param alpha         significance level of the one-sided test
 * @param lossTolerance relative tolerance of the final-loss comparison
 */
public record CompareOptions(String base, WorkloadMode mode, List<String> families, int rounds, int repeats, double threshold, double alpha,
                             double lossTolerance) {
    public static final int DEFAULT_ROUNDS = 5;
    /** The fewest repeats {@code perf check --update-baseline} accepts, which each JVM runs. */
    public static final int DEFAULT_REPEATS = 3;

    public CompareOptions {
        if (base == null || base.isBlank()) {
            throw new UserError("--base: expected a git revision such as main or HEAD~1");
        }
        if (rounds < 2 || rounds > 100) {
            throw new UserError("--rounds: expected 2 to 100 rounds, found " + rounds);
        }
        if (repeats < 3 || repeats > 1000) {
            throw new UserError("--repeats: expected 3 to 1000 repeats per JVM, found " + repeats);
        }
        if (!(threshold > 0 && threshold <= 10)) {
            throw new UserError("--threshold: expected a slowdown between 0% and 1000%, found " + threshold);
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new UserError("--alpha: expected a significance level between 0 and 0.5, found " + alpha);
        }
        if (!(lossTolerance >= 0 && lossTolerance < 1)) {
            throw new UserError("--loss-tolerance: expected a relative tolerance in [0, 1), found " + lossTolerance);
        }
        families = List.copyOf(families);
    }
}
