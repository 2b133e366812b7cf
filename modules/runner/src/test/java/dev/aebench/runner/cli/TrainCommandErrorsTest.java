package dev.aebench.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every user mistake named in the foundation issue: one line on stderr, exit code 2, no trace. */
class TrainCommandErrorsTest {
    @TempDir
    Path dir;

    private static void assertUserError(CliRunner r, String... fragments) {
        assertEquals(2, r.exit(), () -> "exit code; stderr: " + r.err());
        assertEquals(1, r.errLines(), () -> "expected one line, got: " + r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), () -> "stderr should mention '" + f + "': " + r.err());
        }
    }

    static byte[] idxImages(int count, int side, boolean truncate) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * side * side);
        b.putInt(0x803).putInt(count).putInt(side).putInt(side);
        for (int i = 0; i < count * side * side; i++) {
            b.put((byte) (i * 31));
        }
        byte[] a = b.array();
        return truncate ? java.util.Arrays.copyOf(a, a.length / 2) : a;
    }

    static byte[] idxLabels(int count, int magic) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(magic).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(raw);
        }
        return bos.toByteArray();
    }

    private Path dataset(byte[] trainImages, byte[] trainLabels) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), trainImages);
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), trainLabels);
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idxImages(10, 4, false)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idxLabels(10, 0x801)));
        return dir;
    }

    @Test
    void missingDataFolder() {
        assertUserError(CliRunner.run("train", "--model", "ae", "--data", dir.resolve("nope").toString()),
                "nope", "no such folder");
    }

    @Test
    void unknownProbeSolver() {
        assertUserError(CliRunner.run("train", "--model", "pca", "--probe-solver", "newton"),
                "--probe-solver: expected one of lbfgs, sgd, found 'newton'");
    }

    @Test
    void fineTuningEpochsBelowOne() {
        assertUserError(CliRunner.run("train", "--model", "ae", "--finetune", "0"),
                "--finetune: expected an integer in [1, 1000000] (fine-tuning epochs), found 0");
        assertUserError(CliRunner.run("train", "--model", "ae", "--finetune", "-2"),
                "--finetune: expected an integer in [1, 1000000] (fine-tuning epochs), found -2");
    }

    @Test
    void fineTuningEpochsNotAnInteger() {
        assertUserError(CliRunner.run("train", "--model", "ae", "--finetune", "2.5"), "--finetune", "'2.5'");
    }

    @Test
    void unknownSyntheticData() {
        assertUserError(CliRunner.run("train", "--model", "ae", "--data", "synthetic:moons"),
                "--data: expected synthetic:NAME[:SEED] with NAME one of mixture, circle, spiral", "found 'synthetic:moons'");
        assertUserError(CliRunner.run("train", "--model", "ae", "--data", "synthetic:mixture:-3"),
                "--data: expected synthetic:NAME[:SEED]", "found 'synthetic:mixture:-3'");
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] gz = gzip(idxImages(20, 4, false));
        Path d = dataset(java.util.Arrays.copyOf(gz, gz.length / 2), gzip(idxLabels(20, 0x801)));
        assertUserError(CliRunner.run("train", "--model", "pca", "--set", "k=2", "--data", d.toString()),
                "train-images-idx3-ubyte.gz", "truncated");
    }

    @Test
    void wrongMagic() throws IOException {
        Path d = dataset(gzip(idxImages(20, 4, false)), gzip(idxLabels(20, 0x803)));
        assertUserError(CliRunner.run("train", "--model", "pca", "--set", "k=2", "--data", d.toString()),
                "train-labels-idx1-ubyte.gz", "magic", "0x00000801", "0x00000803");
    }

    @Test
    void imageLabelCountMismatch() throws IOException {
        Path d = dataset(gzip(idxImages(20, 4, false)), gzip(idxLabels(19, 0x801)));
        assertUserError(CliRunner.run("train", "--model", "pca", "--set", "k=2", "--data", d.toString()),
                "20 images", "19 labels");
    }

    @Test
    void unknownModel() {
        assertUserError(CliRunner.run("train", "--model", "aee"), "unknown model 'aee'", "did you mean 'ae'");
    }

    @Test
    void unknownSetKey() {
        assertUserError(CliRunner.run("train", "--model", "ae", "--set", "hiden=12"),
                "unknown hyperparameter 'hiden'", "did you mean 'hidden'");
    }

    @Test
    void malformedValue() {
        assertUserError(CliRunner.run("train", "--model", "pca", "--set", "k=abc"), "k", "expected an integer", "abc");
    }

    @Test
    void negativeSparsityWeight() {
        assertUserError(CliRunner.run("train", "--model", "psd", "--set", "lambda=-0.5"),
                "hyperparameter lambda of model psd", "expected a number in [0, 1000000]", "found -0.5");
    }

    @Test
    void setWithoutEquals() {
        CliRunner r = CliRunner.run("train", "--model", "ae", "--set", "hidden");
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines(), r.err());
    }

    @Test
    void badEpochs() {
        assertUserError(CliRunner.run("train", "--model", "ae", "--epochs", "0"), "--epochs", "found 0");
    }

    @Test
    void unknownMetric() {
        assertUserError(CliRunner.run("train", "--model", "cae", "--metrics", "all,jacobain"), "--metrics",
                "found 'jacobain'");
    }

    @Test
    void zeroSubsetSize() {
        assertUserError(CliRunner.run("train", "--model", "cae", "--metrics", "all", "--analysis-points", "0"),
                "--analysis-points", "found 0");
    }

    @Test
    void subsetLargerThanTheTestSet() throws IOException {
        Path d = dataset(gzip(idxImages(20, 4, false)), gzip(idxLabels(20, 0x801)));
        assertUserError(CliRunner.run("train", "--model", "cae", "--metrics", "all", "--queries", "11", "--data",
                d.toString()), "--queries", "at most the test set's 10 images", "found 11");
    }
}
