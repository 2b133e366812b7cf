package dev.aebench.core.objective;

/** A corruption registered by name (ServiceLoader), such as {@code gaussian} or {@code mask}. */
public interface CorruptionProvider {
    String name();

    /** One line: what it does and what its level means. */
    String meaning();

    /** Builds the corruption at {@code level}; an invalid level is a UserError. */
    Corruption create(double level);
}
