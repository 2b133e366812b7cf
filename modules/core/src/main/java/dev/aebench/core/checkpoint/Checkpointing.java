package dev.aebench.core.checkpoint;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a trainer sees of checkpointing: before training, the snapshot to resume from (if any);
 * at every epoch end, the chance to save the state. {@link #NONE} resumes nothing and saves nothing.
 */
public interface Checkpointing {
    /** The snapshot to continue from, or empty to train from the start. Asked once, before training. */
    Optional<TrainingSnapshot> resume();

    /** The snapshot {@link #resume} gave does not fit the model ({@code why}): training starts afresh. */
    void rejected(String why);

    /**
     * Called after every epoch, {@code epochsDone} of {@code epochs}; {@code snapshot} gives the
     * state as views of the live arrays, to be used before this call returns.
     */
    void epochEnd(int epochsDone, int epochs, Supplier<TrainingSnapshot> snapshot);

    /** Training is over (finished or thrown): a checkpoint still being written is finished first. */
    default void trainingEnded() {
    }

    Checkpointing NONE = new Checkpointing() {
        @Override
        public Optional<TrainingSnapshot> resume() {
            return Optional.empty();
        }

        @Override
        public void rejected(String why) {
        }

        @Override
        public void epochEnd(int epochsDone, int epochs, Supplier<TrainingSnapshot> snapshot) {
        }
    };
}
