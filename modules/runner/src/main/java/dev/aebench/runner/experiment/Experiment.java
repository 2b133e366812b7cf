package dev.aebench.runner.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed experiment file: its name, the optional description (what the experiment asks; null
 * when absent), the optional data folder (already resolved against the
 * file's folder), the size of the validation split held out from the end of the training set
 * (0: none), how the best configuration of each block is selected on it, the defaults every
 * block inherits, and the model blocks. {@code source} is the file's
 * text as read, so that what ran can be kept next to the results.
 */
public record Experiment(Path file, String name, String description, Path data, int validation, Selection select, Defaults defaults,
                         List<ModelBlock> blocks, String source) {
    /** The validation split when the file does not name one: the last 10,000 training images. */
    public static final int DEFAULT_VALIDATION = 10_000;

    public Experiment {
        blocks = List.copyOf(blocks);
    }
}
