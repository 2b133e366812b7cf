package dev.aebench.core.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes a checkpoint's bytes to the open temporary file. The default writes them all; tests
 * inject one that fails part-way, as a full disk does.
 */
@FunctionalInterface
public interface CheckpointWriter {
    void write(FileChannel channel, ByteBuffer bytes) throws IOException;

    CheckpointWriter DEFAULT = (channel, bytes) -> {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    };
}
