/**
 * Test support shared by every module through the core test-jar: the one finite-difference
 * gradient checker ({@link dev.aebench.core.testing.FiniteDifferences}, which fails a check that
 * compared nothing), the check of a whole model's encoder Jacobians against it
({@link dev.aebench.core.testing.EncoderJacobians}) and small models on synthetic images
 * ({@link dev.aebench.core.testing.TestModels}), and the check that a model trained in killed and
 * resumed pieces ends with the bits of one trained without a stop
 * ({@link dev.aebench.core.testing.ResumeCheck}).
 */
package dev.aebench.core.testing;
