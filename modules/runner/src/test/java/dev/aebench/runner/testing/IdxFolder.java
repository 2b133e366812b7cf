package dev.aebench.runner.testing;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes seeded synthetic images ({@link SyntheticImages}) as an MNIST-format folder of raw IDX
 * files, so that trial processes can load it with {@code --data}.
 */
public final class IdxFolder {
    private IdxFolder() {
    }

    public static Path write(Path dir, int train, int test, int side, long seed) throws IOException {
        Files.createDirectories(dir);
        Dataset all = SyntheticImages.generate(train + test, side, 10, seed); // one set of class prototypes
        Dataset tr = all.slice(0, train, "/train");
        Dataset te = all.slice(train, train + test, "/test");
        images(dir.resolve("train-images-idx3-ubyte"), tr);
        labels(dir.resolve("train-labels-idx1-ubyte"), tr);
        images(dir.resolve("t10k-images-idx3-ubyte"), te);
        labels(dir.resolve("t10k-labels-idx1-ubyte"), te);
        return dir;
    }

    private static void images(Path file, Dataset d) throws IOException {
        try (OutputStream o = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(o)) {
            out.writeInt(0x00000803);
            out.writeInt(d.size());
            out.writeInt(d.height());
            out.writeInt(d.width());
            for (float v : d.x()) {
                out.writeByte(Math.round(v * 255f));
            }
        }
    }

    private static void labels(Path file, Dataset d) throws IOException {
        try (OutputStream o = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(o)) {
            out.writeInt(0x00000801);
            out.writeInt(d.size());
            for (int l : d.labels()) {
                out.writeByte(l);
            }
        }
    }
}
