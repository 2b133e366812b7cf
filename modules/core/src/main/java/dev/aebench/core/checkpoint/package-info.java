/**
 * Trial checkpoints: the whole training state of a gradient-trained model at an epoch end
 * ({@link dev.aebench.core.checkpoint.TrainingSnapshot}: parameters, Adam's moments and step,
 * the epoch and step counters, the loss curve and per-epoch timings so far, and any state a model
 * keeps besides its parameters), a binary format with a CRC32C checksum
 * ({@link dev.aebench.core.checkpoint.CheckpointCodec}), atomic writes (temporary file, fsync,
 * rename; {@link dev.aebench.core.checkpoint.CheckpointFile}), and the policy a trial follows
 * ({@link dev.aebench.core.checkpoint.TrialCheckpoints}): when to write, and which checkpoint to
 * trust on restart. A checkpoint is tied to a {@link dev.aebench.core.checkpoint.CheckpointFingerprint}
 * (configuration, seed, data, code version, kernels); a damaged or mismatched one is
 * ignored with one line, never trusted. Since every random stream is counter-based and indexed
 * by epoch and step, resuming at an epoch end gives the same bits as never stopping.
 */
package dev.aebench.core.checkpoint;
