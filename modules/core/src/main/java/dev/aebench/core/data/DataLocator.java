package dev.aebench.core.data;

import dev.aebench.core.error.UserError;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds an MNIST-format data folder: the {@code --data} argument, then the {@code AEBENCH_DATA}
 * environment variable, then the Debian package's /usr/share/datasets/fashion-mnist. A folder
 * holds {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]},
 * {@code t10k-images-idx3-ubyte[.gz]} and {@code t10k-labels-idx1-ubyte[.gz]}. A path spelled
 * {@code synthetic:NAME[:SEED]} is no folder but a {@link SyntheticPlane} data set, generated on load.
 */
public final class DataLocator {
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private DataLocator() {
    }

    /** Resolves the folder; explicit may be null. */
    public static Path resolve(Path explicit) {
        if (explicit != null) {
            if (SyntheticPlane.isSpec(explicit.toString())) {
                String problem = SyntheticPlane.problem(explicit.toString());
                if (problem != null) {
                    throw new UserError("--data: " + problem);
                }
                return explicit;
            }
            if (!Files.isDirectory(explicit)) {
                throw new UserError("--data " + explicit + ": no such folder");
            }
            return explicit;
        }
        String env = System.getenv("AEBENCH_DATA");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isDirectory(p)) {
                throw new UserError("AEBENCH_DATA=" + env + ": no such folder");
            }
            return p;
        }
        if (!Files.isDirectory(DEFAULT_DIR)) {
            throw new UserError("Fashion-MNIST not found in " + DEFAULT_DIR
                    + ": install it with `sudo apt-get install dataset-fashion-mnist`, or pass --data DIR"
                    + " (or set AEBENCH_DATA) pointing at a folder of MNIST-format IDX files");
        }
        return DEFAULT_DIR;
    }

    /** Whether {@code data} names a synthetic data set rather than a folder. */
    public static boolean isSynthetic(Path data) {
        return SyntheticPlane.isSpec(data.toString());
    }

    /** The data location as recorded in plans and child requests: absolute for a folder, the spec as given otherwise. */
    public static String absolute(Path data) {
        return isSynthetic(data) ? data.toString() : data.toAbsolutePath().toString();
    }

    /** Loads the four files of a folder, or generates a synthetic data set. */
    public static TrainTestData load(Path dir) {
        if (isSynthetic(dir)) {
            String problem = SyntheticPlane.problem(dir.toString());
            if (problem != null) {
                throw new UserError("data: " + problem);
            }
            return SyntheticPlane.parse(dir.toString()).generate();
        }
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        Dataset train = IdxReader.readPair(find(dir, "train-images-idx3-ubyte"), find(dir, "train-labels-idx1-ubyte"),
                name + "/train");
        Dataset test = IdxReader.readPair(find(dir, "t10k-images-idx3-ubyte"), find(dir, "t10k-labels-idx1-ubyte"),
                name + "/test");
        if (train.dim() != test.dim()) {
            throw new UserError(dir + ": training images are " + train.height() + "x" + train.width()
                    + " but test images are " + test.height() + "x" + test.width());
        }
        return new TrainTestData(train, test);
    }

    private static Path find(Path dir, String base) {
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(base);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        throw new UserError(dir + ": missing " + base + ".gz (or " + base + ")");
    }
}
