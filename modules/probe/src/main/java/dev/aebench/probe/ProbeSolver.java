package dev.aebench.probe;

import dev.aebench.core.error.UserError;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the probe's multinomial logistic regression is fitted. Both minimise the same objective
 * (mean cross-entropy + {@code l2/2 * |W|^2} on standardised codes); they differ in speed and in
 * how close to its minimum they stop.
 */
public enum ProbeSolver {
    /**
     * Full-batch L-BFGS, preconditioned by the codes' second-moment matrix, on the project's
     * float GEMM kernels ({@link LbfgsProbeFit}); the default. Deterministic for any thread count.
     */
    LBFGS,
    /** Tribuo's {@code LinearSGDTrainer} with averaged AdaGrad over minibatches. */
    SGD;

    /** The name users write: {@code lbfgs}, {@code sgd}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The solver named {@code text} (any case); otherwise a one-line {@link UserError} naming {@code field}. */
    public static ProbeSolver parse(String field, String text) {
        for (ProbeSolver s : values()) {
            if (s.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new UserError(field + ": expected one of " + names() + ", found '" + text + "'");
    }

    /** {@code lbfgs, sgd}. */
    public static String names() {
        return Arrays.stream(values()).map(ProbeSolver::id).collect(Collectors.joining(", "));
    }
}
