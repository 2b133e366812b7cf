package dev.aebench.core.model;

import java.util.List;

/**
 * A model family plugged in by name through {@link java.util.ServiceLoader}: its name, a
 * one-line summary, its hyperparameter schema and a factory. Family modules never depend on
 * each other; combinations are configurations of shared pieces.
 */
public interface ModelFamily {
    String name();

    String summary();

    List<HyperParameter> hyperParameters();

    /** Builds an untrained model; cross-field problems are {@link dev.aebench.core.error.UserError}s. */
    Autoencoder create(ModelConfig config, ModelContext context);
}
