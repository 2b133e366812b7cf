/**
 * The composed dense autoencoder (architecture + objective + corruption) and the base class of
 * the dense families. Families only choose defaults and map their own knobs onto corruption and
 * penalty specs; every training step runs through the same {@link
 * dev.aebench.core.dense.DenseAutoencoder}.
 */
package dev.aebench.core.dense;
