package dev.aebench.runner.store;

import dev.aebench.core.error.UserError;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code OUT/.lock} for as long as a runner writes to the folder. The OS
 * drops it when the process dies, however it dies, so a killed runner never blocks a restart.
 */
final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock acquire(Path dir) {
        Path file = dir.resolve(".lock");
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new UserError(dir + ": another aebench run is writing to this folder (it holds " + file + ")");
            }
            return new RunLock(ch, lock);
        } catch (IOException e) {
            throw new UserError(file + ": cannot lock (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released when the process ends anyway
        }
    }
}
