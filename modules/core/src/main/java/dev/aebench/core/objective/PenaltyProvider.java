package dev.aebench.core.objective;

import java.util.List;

/** A penalty registered by name (ServiceLoader), such as {@code l2} or {@code contractive}. */
public interface PenaltyProvider {
    String name();

    /** One line: what it penalises and what its parameters mean. */
    String meaning();

    /**
     * Builds the penalty for a given encoder. {@code weight} multiplies the term; {@code extra}
     * holds further colon-separated parameters. Invalid values or an unsupported encoder are
     * UserErrors.
     */
    Penalty create(double weight, List<Double> extra, EncoderState encoder);
}
