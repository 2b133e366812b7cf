package dev.aebench.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code run --executor}: the Spark executor on a build without it, and local-only misuse, in one line with exit 2, nothing written. */
class RunExecutorOptionTest {
    @TempDir
    Path dir;

    private CliRunner run(String... extra) throws IOException {
        Path file = dir.resolve("plane.yaml");
        Files.writeString(file, "name: plane\ndata: synthetic:circle\nvalidation: 2000\nmodels: [{model: pca, set: {k: 1}}]\n");
        String[] args = new String[extra.length + 4];
        args[0] = "run";
        args[1] = file.toString();
        args[2] = "--out";
        args[3] = dir.resolve("out").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CliRunner.run(args);
    }

    @Test
    void sparkOnABuildWithoutItSaysHowToBuildIt() throws IOException {
        CliRunner r = run("--executor", "spark", "--master", "local[2]");
        assertEquals(2, r.exit(), r.err());
        assertEquals("aebench: --executor spark: this build has no Spark executor; build with the Maven profile spark"
                + " (AEBENCH_MAVEN_ARGS=-Pspark ./aebench ...)", r.err().strip());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aMasterOrShippedDataWithTheLocalExecutorIsRefused() throws IOException {
        CliRunner m = run("--master", "local[2]");
        assertEquals(2, m.exit(), m.err());
        assertEquals("aebench: --master local[2]: only with --executor spark (the local executor has no master)", m.err().strip());
        CliRunner s = run("--ship-data");
        assertEquals(2, s.exit(), s.err());
        assertEquals(1, s.errLines(), s.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void anUnknownExecutorNamesTheKnownOnes() throws IOException {
        CliRunner r = run("--executor", "dask");
        assertEquals(2, r.exit(), r.err());
        assertEquals("aebench: --executor: expected one of local, found dask", r.err().strip());
    }
}
