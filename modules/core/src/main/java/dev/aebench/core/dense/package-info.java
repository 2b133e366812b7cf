/**
 * The composed dense autoencoder (architecture + objective + corruption) and the base class of
 * the dense families. Families only choose defaults and map their own knobs onto corruption and
 * penalty specs; every training step runs through the same {@link
 * dev.aebench.core.dense.DenseAutoencoder}. {@link dev.aebench.core.dense.GradientCheck} compares
 * its hand-written gradients (loss and penalties together) with central finite differences, for
 * the tests of every family that writes a gradient.
 */
package dev.aebench.core.dense;
