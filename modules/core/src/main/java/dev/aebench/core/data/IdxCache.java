package dev.aebench.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Decoded copies of gzip-compressed IDX files, so that each trial's JVM maps the bytes instead of
 * inflating them again. A copy is keyed by the source's real path, size and modification time
 * (a changed file gets a new key) and holds a header (magic, the SHA-256 of the decoded bytes,
 * their length) and then the decoded IDX bytes; it is written to a temporary file and renamed
 * into place, so a reader sees a whole copy or none. The folder is the system property
 * {@code aebench.cache}, else the environment variable {@code AEBENCH_CACHE}, else
 * {@code ~/.cache/aebench/idx}; {@code off} for either disables the cache. Any problem (an
 * unwritable folder, a corrupt source) leaves the file to be read directly, where a corrupt source
 * is reported as usual.
 */
public final class IdxCache {
    private static final byte[] MAGIC = "AEIDXC01".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 32 + 8;

    private final Path dir;

    private IdxCache(Path dir) {
        this.dir = dir;
    }

    /** A cache in {@code dir} (created when first written). */
    public static IdxCache at(Path dir) {
        return new IdxCache(dir);
    }

    /** The cache the property, the environment or the default names; null when it is off. */
    public static IdxCache standard() {
        String choice = System.getProperty("aebench.cache");
        if (choice == null || choice.isBlank()) {
            choice = System.getenv("AEBENCH_CACHE");
        }
        if (choice != null && choice.equalsIgnoreCase("off")) {
            return null;
        }
        if (choice != null && !choice.isBlank()) {
            return new IdxCache(Path.of(choice));
        }
        return new IdxCache(Path.of(System.getProperty("user.home"), ".cache", "aebench", "idx"));
    }

    public Path dir() {
        return dir;
    }

    /** A decoded IDX file, mapped: its bytes and their SHA-256 (hex). */
    public record Decoded(ByteBuffer bytes, String sha256) {
    }

    /** The decoded bytes of the gzip file {@code source}, from the cache (written first if absent); null on any problem. */
    public Decoded decoded(Path source) {
        try {
            Path copy = dir.resolve(key(source));
            Decoded d = map(copy);
            if (d != null) {
                return d;
            }
            write(source, copy);
            return map(copy);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The file name of {@code source}'s copy. */
    String key(Path source) throws IOException {
        Path real = source.toRealPath();
        String identity = real + "\n" + Files.size(real) + "\n" + Files.getLastModifiedTime(real).toMillis();
        String hash = HexFormat.of().formatHex(sha256().digest(identity.getBytes(StandardCharsets.UTF_8)));
        String base = real.getFileName().toString().replaceAll("\\.gz$", "");
        return base + "-" + hash.substring(0, 16) + ".idx";
    }

    private static Decoded map(Path copy) throws IOException {
        if (!Files.isRegularFile(copy)) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER) {
                return null;
            }
            MappedByteBuffer all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            byte[] magic = new byte[MAGIC.length];
            all.get(magic);
            byte[] sha = new byte[32];
            all.get(sha);
            long length = all.getLong();
            if (!java.util.Arrays.equals(magic, MAGIC) || length != size - HEADER) {
                return null;
            }
            return new Decoded(all.slice(HEADER, (int) length), HexFormat.of().formatHex(sha));
        }
    }

    private void write(Path source, Path copy) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, copy.getFileName().toString(), ".tmp");
        try {
            MessageDigest md = sha256();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.allocate(HEADER)); // filled in below
                try (InputStream in = new GZIPInputStream(Files.newInputStream(source), 1 << 16);
                     OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(
                             java.nio.channels.Channels.newOutputStream(ch), 1 << 16), md)) {
                    in.transferTo(out);
                }
            }
            long length = Files.size(tmp) - HEADER;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer header = ByteBuffer.allocate(HEADER);
                header.put(MAGIC).put(md.digest()).putLong(length).flip();
                ch.write(header, 0);
                ch.force(true);
            }
            try {
                Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
