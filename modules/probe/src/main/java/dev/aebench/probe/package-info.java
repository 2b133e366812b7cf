/**
 * Linear probe: how linearly decodable the class is from a code. {@link dev.aebench.probe.LinearProbe}
 * trains a multinomial logistic regression on training codes with Tribuo's linear SGD trainer
 * ({@code LinearSGDTrainer} with the {@code LogMulticlass} objective) and reports test accuracy
 * as a {@link dev.aebench.probe.ProbeResult}. Features are standardised with the training set's
 * mean and standard deviation by default (FeatureStandardizer); this
 * changes the optimiser's conditioning, not what a linear model can represent. Tribuo's
 * java.util.logging chatter is silenced (TribuoLogging).
 */
package dev.aebench.probe;
