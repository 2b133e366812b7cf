package dev.aebench.core.checkpoint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one trial keeps its checkpoint and how often it writes it: at the end of the first epoch
 * of every attempt, of the last epoch, and of any epoch ending at least {@code minIntervalSeconds}
 * after the previous write (0: every epoch). The default, {@value #DEFAULT_MIN_INTERVAL_SECONDS} s,
 * writes after every epoch of the reference configurations (1.3 s and more) and bounds the cost
 * for tiny epochs.
 *
 * @param writer how the bytes reach the temporary file ({@link CheckpointWriter#DEFAULT}; tests inject failures)
 */
public record CheckpointOptions(Path file, double minIntervalSeconds, CheckpointWriter writer) {
    public static final double DEFAULT_MIN_INTERVAL_SECONDS = 1.0;

    public CheckpointOptions {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(writer, "writer");
        if (!(minIntervalSeconds >= 0) || !Double.isFinite(minIntervalSeconds)) {
            throw new IllegalArgumentException("checkpoint interval must be a number of seconds >= 0, was "
                    + minIntervalSeconds);
        }
    }

    public CheckpointOptions(Path file, double minIntervalSeconds) {
        this(file, minIntervalSeconds, CheckpointWriter.DEFAULT);
    }

    public CheckpointOptions(Path file) {
        this(file, DEFAULT_MIN_INTERVAL_SECONDS);
    }
}
