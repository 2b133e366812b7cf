package dev.aebench.core.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxCacheTest {
    @TempDir
    Path dir;

    @AfterEach
    void noProperty() {
        System.clearProperty("aebench.cache");
    }

    private static byte[] images(int count, int side, int salt) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * side * side);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(side).putInt(side);
        for (int i = 0; i < count * side * side; i++) {
            b.put((byte) (i * 31 + salt));
        }
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(raw);
        }
        return bos.toByteArray();
    }

    private List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void decodesOnceThenMapsTheSameBytesAndFingerprint() throws IOException {
        Path cacheDir = dir.resolve("cache");
        Path gz = dir.resolve("train-images-idx3-ubyte.gz");
        Files.write(gz, gzip(images(7, 4, 0)));
        System.setProperty("aebench.cache", "off");
        IdxReader.Images direct = IdxReader.readImages(gz);
        assertEquals(List.of(), files(cacheDir), "off: nothing written");

        System.setProperty("aebench.cache", cacheDir.toString());
        IdxReader.Images first = IdxReader.readImages(gz);
        List<Path> written = files(cacheDir);
        assertEquals(1, written.size(), "one copy and no temporary file left: " + written);
        FileTime stamp = Files.getLastModifiedTime(written.get(0));
        IdxReader.Images second = IdxReader.readImages(gz);

        for (IdxReader.Images im : List.of(first, second)) {
            assertArrayEquals(direct.pixels(), im.pixels());
            assertEquals(direct.sha256(), im.sha256(), "the fingerprint is that of the decoded bytes, as uncached");
            assertEquals(direct.count(), im.count());
        }
        assertEquals(stamp, Files.getLastModifiedTime(written.get(0)), "the second read reused the copy");
        assertEquals(16 + 7 * 16, Files.size(written.get(0)) - 48, "header then the decoded bytes");
    }

    @Test
    void aChangedSourceGetsANewCopy() throws IOException {
        IdxCache cache = IdxCache.at(dir.resolve("cache"));
        Path gz = dir.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(gz, gzip(images(3, 4, 0)));
        String before = cache.key(gz);
        IdxCache.Decoded a = cache.decoded(gz);
        Files.write(gz, gzip(images(3, 4, 5)));
        Files.setLastModifiedTime(gz, FileTime.fromMillis(Files.getLastModifiedTime(gz).toMillis() + 5000));
        assertNotEquals(before, cache.key(gz));
        IdxCache.Decoded b = cache.decoded(gz);
        assertNotEquals(a.sha256(), b.sha256());
        assertEquals(2, files(dir.resolve("cache")).size());
    }

    @Test
    void aCorruptSourceIsNotCachedAndStillReportedAsUsual() throws IOException {
        Path cacheDir = dir.resolve("cache");
        Path gz = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] whole = gzip(images(20, 4, 0));
        Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertNull(IdxCache.at(cacheDir).decoded(gz));
        assertEquals(List.of(), files(cacheDir), "no copy, no temporary file");
        System.setProperty("aebench.cache", cacheDir.toString());
        dev.aebench.core.error.UserError e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.aebench.core.error.UserError.class, () -> IdxReader.readImages(gz));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aDamagedCopyIsReplaced() throws IOException {
        IdxCache cache = IdxCache.at(dir.resolve("cache"));
        Path gz = dir.resolve("train-labels-idx1-ubyte.gz");
        Files.write(gz, gzip(images(2, 2, 1)));
        String sha = cache.decoded(gz).sha256();
        Path copy = dir.resolve("cache").resolve(cache.key(gz));
        Files.write(copy, new byte[] {1, 2, 3});
        assertEquals(sha, cache.decoded(gz).sha256());
    }
}
