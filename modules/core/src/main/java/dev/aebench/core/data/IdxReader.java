package dev.aebench.core.data;

import dev.aebench.core.error.UserError;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads MNIST-format IDX files, gzip-compressed or raw (detected by content), checking the magic
 * number, dimensions and byte counts. Every problem is a {@link UserError} naming the file. A
 * gzip file is read through the {@link IdxCache} when one is on: its decoded bytes are mapped
 * from the cache (decoded into it on first use), with the same bytes and fingerprint.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Unsigned bytes of an image file and its shape. */
    public record Images(byte[] pixels, int count, int rows, int cols, String sha256) {
    }

    /** Labels of a label file. */
    public record Labels(byte[] labels, String sha256) {
    }

    public static Images readImages(Path file) {
        try (Opened in = open(file)) {
            int magic = in.data.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new UserError(file + ": not an IDX image file (expected magic 0x00000803, found 0x"
                        + String.format("%08x", magic) + ")");
            }
            int count = in.data.readInt();
            int rows = in.data.readInt();
            int cols = in.data.readInt();
            if (count <= 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE) {
                throw new UserError(file + ": implausible image dimensions " + count + "x" + rows + "x" + cols);
            }
            byte[] pixels = new byte[count * rows * cols];
            readFully(in, pixels, file, "pixel");
            expectEnd(in, file);
            return new Images(pixels, count, rows, cols, in.digest());
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    public static Labels readLabels(Path file) {
        try (Opened in = open(file)) {
            int magic = in.data.readInt();
            if (magic != LABELS_MAGIC) {
                throw new UserError(file + ": not an IDX label file (expected magic 0x00000801, found 0x"
                        + String.format("%08x", magic) + ")");
            }
            int count = in.data.readInt();
            if (count <= 0) {
                throw new UserError(file + ": implausible label count " + count);
            }
            byte[] labels = new byte[count];
            readFully(in, labels, file, "label");
            expectEnd(in, file);
            return new Labels(labels, in.digest());
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    /** Reads an image file and its label file into a dataset with pixels scaled to [0,1]. */
    public static Dataset readPair(Path images, Path labels, String name) {
        Images im = readImages(images);
        Labels lb = readLabels(labels);
        if (im.count() != lb.labels().length) {
            throw new UserError(images + " holds " + im.count() + " images but " + labels + " holds "
                    + lb.labels().length + " labels");
        }
        int dim = im.rows() * im.cols();
        float[] x = new float[im.count() * dim];
        byte[] px = im.pixels();
        for (int i = 0; i < x.length; i++) {
            x[i] = (px[i] & 0xFF) / 255f;
        }
        int[] y = new int[lb.labels().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = lb.labels()[i] & 0xFF;
        }
        String fp = im.sha256().substring(0, 12) + lb.sha256().substring(0, 4);
        return new Dataset(name, x, y, im.count(), im.rows(), im.cols(), fp);
    }

    private static void readFully(Opened in, byte[] into, Path file, String what) throws IOException {
        int off = 0;
        while (off < into.length) {
            int r;
            try {
                r = in.data.read(into, off, into.length - off);
            } catch (EOFException e) {
                r = -1;
            }
            if (r < 0) {
                throw new UserError(file + ": truncated (expected " + into.length + " bytes of " + what
                        + " data, found " + off + ")");
            }
            off += r;
        }
    }

    private static void expectEnd(Opened in, Path file) throws IOException {
        int extra;
        try {
            extra = in.data.read();
        } catch (EOFException e) {
            extra = -1;
        }
        if (extra >= 0) {
            throw new UserError(file + ": has bytes after the data its header describes");
        }
    }

    private static UserError ioError(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UserError(file + ": no such file");
        }
        if (e instanceof EOFException) {
            return new UserError(file + ": truncated (ends inside the header or the gzip stream)");
        }
        if (e instanceof ZipException) {
            return new UserError(file + ": corrupt gzip data (" + e.getMessage() + ")");
        }
        return new UserError(file + ": cannot read (" + e.getMessage() + ")");
    }

    private static final class Opened implements AutoCloseable {
        final DataInputStream data;
        final MessageDigest md;
        final String known;

        Opened(DataInputStream data, MessageDigest md) {
            this.data = data;
            this.md = md;
            this.known = null;
        }

        Opened(DataInputStream data, String sha256) {
            this.data = data;
            this.md = null;
            this.known = sha256;
        }

        String digest() {
            return known != null ? known : HexFormat.of().formatHex(md.digest());
        }

        @Override
        public void close() throws IOException {
            data.close();
        }
    }

    private static Opened open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        IdxCache cache = gzip ? IdxCache.standard() : null;
        IdxCache.Decoded decoded = cache == null ? null : cache.decoded(file);
        if (decoded != null) {
            raw.close();
            return new Opened(new DataInputStream(new BufferInput(decoded.bytes())), decoded.sha256());
        }
        InputStream body = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new Opened(new DataInputStream(new BufferedInputStream(new DigestInputStream(body, md), 1 << 16)), md);
    }

    /** A mapped buffer as a stream (bulk reads are one copy). */
    private static final class BufferInput extends InputStream {
        private final java.nio.ByteBuffer buffer;

        BufferInput(java.nio.ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read() {
            return buffer.hasRemaining() ? buffer.get() & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!buffer.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }
    }
}
