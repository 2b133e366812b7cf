package dev.aebench.core.data;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {

    @TempDir
    Path dir;

    private static final int COUNT = 5;
    private static final int ROWS = 3;
    private static final int COLS = 4;

    private static byte[] pixels() {
        byte[] px = new byte[COUNT * ROWS * COLS];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 37 % 256);
        }
        px[0] = 0;
        px[1] = (byte) 255;
        return px;
    }

    private static byte[] labels(int count) {
        byte[] l = new byte[count];
        for (int i = 0; i < count; i++) {
            l[i] = (byte) (i % 10);
        }
        return l;
    }

    static byte[] imageFile(int magic, int count, int rows, int cols, byte[] px) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        out.write(px);
        return bytes.toByteArray();
    }

    static byte[] labelFile(int magic, byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(labels.length);
        out.write(labels);
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** The error must be a one-line UserError naming the file and containing every fragment. */
    private static UserError userError(Executable call, Path file, String... fragments) {
        UserError e = assertThrows(UserError.class, call);
        String msg = e.getMessage();
        assertFalse(msg.contains("\n") || msg.contains("\r"), "one line: " + msg);
        if (file != null) {
            assertTrue(msg.contains(file.toString()), "names the file " + file + ": " + msg);
        }
        for (String f : fragments) {
            assertTrue(msg.contains(f), "says '" + f + "': " + msg);
        }
        return e;
    }

    private void checkDataset(Dataset d, String name) {
        assertEquals(name, d.name());
        assertEquals(COUNT, d.size());
        assertEquals(ROWS, d.height());
        assertEquals(COLS, d.width());
        assertEquals(ROWS * COLS, d.dim());
        byte[] px = pixels();
        for (int i = 0; i < px.length; i++) {
            assertEquals((px[i] & 0xFF) / 255f, d.x()[i], 0f, "pixel " + i);
        }
        assertEquals(0f, d.x()[0]);
        assertEquals(1f, d.x()[1]);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, d.labels());
        assertEquals(5, d.classes());
        assertFalse(d.fingerprint().isEmpty());
    }

    @Test
    void readsRawFiles() throws IOException {
        Path im = write("images", imageFile(0x803, COUNT, ROWS, COLS, pixels()));
        Path lb = write("labels", labelFile(0x801, labels(COUNT)));
        checkDataset(IdxReader.readPair(im, lb, "raw"), "raw");
        IdxReader.Images images = IdxReader.readImages(im);
        assertEquals(COUNT, images.count());
        assertArrayEquals(pixels(), images.pixels());
        assertEquals(64, images.sha256().length());
    }

    @Test
    void readsGzipFilesWithTheSameFingerprint() throws IOException {
        Path im = write("images.gz", gzip(imageFile(0x803, COUNT, ROWS, COLS, pixels())));
        Path lb = write("labels.gz", gzip(labelFile(0x801, labels(COUNT))));
        Dataset gz = IdxReader.readPair(im, lb, "gz");
        checkDataset(gz, "gz");
        Path rim = write("images", imageFile(0x803, COUNT, ROWS, COLS, pixels()));
        Path rlb = write("labels", labelFile(0x801, labels(COUNT)));
        assertEquals(IdxReader.readPair(rim, rlb, "raw").fingerprint(), gz.fingerprint(),
                "the fingerprint is of the content, not of the compression");
        byte[] other = pixels();
        other[7] ^= 1;
        Path im2 = write("images2", imageFile(0x803, COUNT, ROWS, COLS, other));
        assertNotEquals(gz.fingerprint(), IdxReader.readPair(im2, rlb, "other").fingerprint());
    }

    @Test
    void wrongMagic() throws IOException {
        Path im = write("images", imageFile(0x801, COUNT, ROWS, COLS, pixels()));
        userError(() -> IdxReader.readImages(im), im, "not an IDX image file", "0x00000803", "0x00000801");
        Path lb = write("labels", labelFile(0x803, labels(COUNT)));
        userError(() -> IdxReader.readLabels(lb), lb, "not an IDX label file", "0x00000801", "0x00000803");
        Path text = write("text.gz", gzip("hello, world, this is not IDX".getBytes()));
        userError(() -> IdxReader.readImages(text), text, "not an IDX image file");
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] full = gzip(imageFile(0x803, COUNT, ROWS, COLS, pixels()));
        Path im = write("images.gz", Arrays.copyOf(full, full.length / 2));
        userError(() -> IdxReader.readImages(im), im, "truncated");
        byte[] lfull = gzip(labelFile(0x801, labels(COUNT)));
        Path lb = write("labels.gz", Arrays.copyOf(lfull, lfull.length / 2));
        userError(() -> IdxReader.readLabels(lb), lb, "truncated");
        // a bigger file, cut in half inside the pixel data
        byte[] big = new byte[200 * 28 * 28];
        new java.util.Random(1).nextBytes(big);
        byte[] bigGz = gzip(imageFile(0x803, 200, 28, 28, big));
        Path bim = write("big.gz", Arrays.copyOf(bigGz, bigGz.length / 2));
        userError(() -> IdxReader.readImages(bim), bim, "truncated");
    }

    @Test
    void truncatedRaw() throws IOException {
        byte[] full = imageFile(0x803, COUNT, ROWS, COLS, pixels());
        Path im = write("images", Arrays.copyOf(full, full.length - 7));
        userError(() -> IdxReader.readImages(im), im, "truncated", "expected " + COUNT * ROWS * COLS + " bytes",
                "found " + (COUNT * ROWS * COLS - 7));
        Path header = write("header", Arrays.copyOf(full, 10));
        userError(() -> IdxReader.readImages(header), header, "truncated");
        Path empty = write("empty", new byte[0]);
        userError(() -> IdxReader.readImages(empty), empty, "truncated");
        byte[] lfull = labelFile(0x801, labels(COUNT));
        Path lb = write("labels", Arrays.copyOf(lfull, lfull.length - 1));
        userError(() -> IdxReader.readLabels(lb), lb, "truncated");
    }

    @Test
    void extraTrailingBytes() throws IOException {
        byte[] full = imageFile(0x803, COUNT, ROWS, COLS, pixels());
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        Path im = write("images", longer);
        userError(() -> IdxReader.readImages(im), im, "bytes after the data");
        Path gz = write("images.gz", gzip(longer));
        userError(() -> IdxReader.readImages(gz), gz, "bytes after the data");
        byte[] lfull = labelFile(0x801, labels(COUNT));
        Path lb = write("labels", Arrays.copyOf(lfull, lfull.length + 1));
        userError(() -> IdxReader.readLabels(lb), lb, "bytes after the data");
    }

    @Test
    void implausibleDimensions() throws IOException {
        Path im = write("images", imageFile(0x803, -1, ROWS, COLS, new byte[0]));
        userError(() -> IdxReader.readImages(im), im, "implausible");
        Path huge = write("huge", imageFile(0x803, 100_000, 1000, 1000, new byte[0]));
        userError(() -> IdxReader.readImages(huge), huge, "implausible");
        Path lb = write("labels", labelFile(0x801, new byte[0]));
        userError(() -> IdxReader.readLabels(lb), lb, "implausible label count 0");
    }

    @Test
    void imageAndLabelCountMismatch() throws IOException {
        Path im = write("images", imageFile(0x803, COUNT, ROWS, COLS, pixels()));
        Path lb = write("labels", labelFile(0x801, labels(COUNT + 2)));
        userError(() -> IdxReader.readPair(im, lb, "x"), im, lb.toString(), COUNT + " images", (COUNT + 2) + " labels");
    }

    @Test
    void missingFile() {
        Path nothing = dir.resolve("no-such-file.gz");
        userError(() -> IdxReader.readImages(nothing), nothing, "no such file");
        userError(() -> IdxReader.readLabels(nothing), nothing, "no such file");
        userError(() -> IdxReader.readImages(dir), dir, "no such file");
    }

    private void writeFolder(Path folder, boolean gz, String skip) throws IOException {
        Files.createDirectories(folder);
        String[][] files = {
            {"train-images-idx3-ubyte", "i"}, {"train-labels-idx1-ubyte", "l"},
            {"t10k-images-idx3-ubyte", "i"}, {"t10k-labels-idx1-ubyte", "l"},
        };
        for (String[] f : files) {
            if (f[0].equals(skip)) {
                continue;
            }
            byte[] raw = f[1].equals("i") ? imageFile(0x803, COUNT, ROWS, COLS, pixels()) : labelFile(0x801, labels(COUNT));
            Files.write(folder.resolve(f[0] + (gz ? ".gz" : "")), gz ? gzip(raw) : raw);
        }
    }

    @Test
    void dataLocatorLoadsAFolder() throws IOException {
        Path folder = dir.resolve("mnist");
        writeFolder(folder, true, null);
        TrainTestData data = DataLocator.load(folder);
        checkDataset(data.train(), "mnist/train");
        checkDataset(data.test(), "mnist/test");
        Path rawFolder = dir.resolve("raw");
        writeFolder(rawFolder, false, null);
        assertEquals(data.fingerprint(), DataLocator.load(rawFolder).fingerprint());
        assertEquals(folder, DataLocator.resolve(folder));
    }

    @Test
    void dataLocatorMissingFile() throws IOException {
        Path folder = dir.resolve("partial");
        writeFolder(folder, true, "t10k-labels-idx1-ubyte");
        userError(() -> DataLocator.load(folder), folder, "missing", "t10k-labels-idx1-ubyte");
    }

    @Test
    void dataLocatorBadFileInFolder() throws IOException {
        Path folder = dir.resolve("bad");
        writeFolder(folder, false, null);
        Path labels = folder.resolve("train-labels-idx1-ubyte");
        Files.write(labels, labelFile(0x801, labels(COUNT - 1)));
        userError(() -> DataLocator.load(folder), labels, "holds " + COUNT + " images", (COUNT - 1) + " labels");
    }

    @Test
    void dataLocatorNonExistentDataFolder() {
        Path nowhere = dir.resolve("does-not-exist");
        userError(() -> DataLocator.resolve(nowhere), nowhere, "--data", "no such folder");
    }
}
