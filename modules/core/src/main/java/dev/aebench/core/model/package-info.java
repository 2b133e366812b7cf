/**
 * The model plug-in contract: {@link dev.aebench.core.model.ModelFamily} (found with
 * ServiceLoader), its hyperparameter schema, the resolved and validated
 * {@link dev.aebench.core.model.ModelConfig}, and the {@link dev.aebench.core.model.Autoencoder}
 * that a family builds. The runner and the CLI only ever talk to these types.
 */
package dev.aebench.core.model;
