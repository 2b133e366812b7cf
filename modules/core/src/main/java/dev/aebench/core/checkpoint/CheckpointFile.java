package dev.aebench.core.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One checkpoint's file, replaced atomically: the bytes go to a temporary file beside it
 * ({@code NAME.tmp-PID}), which is forced to disk and renamed over the old one, and then the
 * folder is forced too, so that after a crash at any moment the file holds the previous
 * checkpoint or the new one, whole. A failed write removes its temporary file and leaves the
 * previous checkpoint in place.
 */
public final class CheckpointFile {
    private final Path file;
    private final CheckpointWriter writer;

    public CheckpointFile(Path file, CheckpointWriter writer) {
        this.file = file.toAbsolutePath();
        this.writer = writer;
    }

    public CheckpointFile(Path file) {
        this(file, CheckpointWriter.DEFAULT);
    }

    public Path path() {
        return file;
    }

    /** The file's bytes, or empty when there is none. */
    public Optional<byte[]> read() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Replaces the file with {@code bytes} atomically (see the class comment). */
    public void write(ByteBuffer bytes) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(ch, bytes);
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write's own failure is the one to report
            }
            throw e;
        }
        forceDirectory(dir);
    }

    /** Removes the checkpoint and any temporary file a killed writer left beside it. */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        String prefix = file.getFileName() + ".tmp-";
        try (var leftovers = Files.newDirectoryStream(file.getParent(), p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // no folder, nothing left
        }
    }

    /** Makes the rename itself durable (a no-op where folders cannot be opened, as on Windows). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the data itself is on disk; only the rename's durability is left to the OS
        }
    }
}
