package dev.aebench.runner.plan;

import dev.aebench.core.data.DataLocator;
import dev.aebench.core.data.SyntheticPlane;
import dev.aebench.core.error.UserError;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The data folder of a sweep, inspected without loading it: the SHA-256 of its four files' bytes
 * (a fraction of a second for Fashion-MNIST) as the fingerprint that trial ids include, and the
 * training images' count and shape from the IDX header, for checking the validation split and
 * building models during planning. The trials themselves load and validate the data fully. A
 * synthetic data set ({@code synthetic:NAME[:SEED]}) is fingerprinted by its spec.
 */
public record DataSource(Path dir, String fingerprint, int trainImages, int height, int width) {
    static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    private static final int IMAGES_MAGIC = 0x00000803;

    public static DataSource inspect(Path dir) {
        if (DataLocator.isSynthetic(dir)) {
            String problem = SyntheticPlane.problem(dir.toString());
            if (problem != null) {
                throw new UserError("data: " + problem);
            }
            SyntheticPlane plane = SyntheticPlane.parse(dir.toString());
            return new DataSource(dir, plane.fingerprint(), SyntheticPlane.TRAIN, 1, 2);
        }
        MessageDigest sha = sha256();
        byte[] buf = new byte[1 << 16];
        for (String base : FILES) {
            Path f = find(dir, base);
            sha.update((f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(f)) {
                for (int r; (r = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, r);
                }
            } catch (IOException e) {
                throw new UserError(f + ": cannot read (" + e.getMessage() + ")");
            }
        }
        String fingerprint = "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        Path images = find(dir, FILES.get(0));
        try (DataInputStream in = new DataInputStream(open(images))) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new UserError(images + ": not an IDX image file (expected magic 0x00000803, found 0x"
                        + String.format("%08x", magic) + ")");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count <= 0 || rows <= 0 || cols <= 0) {
                throw new UserError(images + ": implausible image dimensions " + count + "x" + rows + "x" + cols);
            }
            return new DataSource(dir, fingerprint, count, rows, cols);
        } catch (IOException e) {
            throw new UserError(images + ": cannot read the IDX header (" + e.getMessage() + ")");
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw) : raw;
    }

    private static Path find(Path dir, String base) {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": no such data folder");
        }
        for (Path p : List.of(dir.resolve(base + ".gz"), dir.resolve(base))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new UserError(dir + ": missing " + base + ".gz (or " + base + ")");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
