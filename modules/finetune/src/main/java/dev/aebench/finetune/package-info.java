/**
 * The fine-tuning protocol of Rifai et al. (2011): a trained encoder's layers are copied into a
 * fresh network ({@link dev.aebench.finetune.EncoderCopy}), a softmax layer is put on the code,
 * and the whole network is trained end to end with cross-entropy by Adam on the training split
 * ({@link dev.aebench.finetune.FineTunedClassifier}); nothing is chosen on the test set. The
 * encoder comes through core's {@link dev.aebench.core.model.LayeredEncoder}, so this module,
 * like a family, depends on core only. {@link dev.aebench.finetune.FineTuning} is the entry
 * point the trial runner calls; {@link dev.aebench.finetune.FineTuneMetrics} describes what it
 * records.
 */
package dev.aebench.finetune;
