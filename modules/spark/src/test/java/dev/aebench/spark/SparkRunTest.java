package dev.aebench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code aebench run --executor spark} end to end on generated data: the same trials and the same
 * test MSE bits as the local executor, with the Spark master in the provenance, and bad masters
 * refused in one line with exit 2 before anything is written.
 */
class SparkRunTest {
    static final String TINY = """
            name: tiny
            data: synthetic:circle
            validation: 2000
            defaults: {epochs: 1, probe: false, seeds: 2, threads: 1}
            models:
              - model: ae
                grid: {hidden: [3, 4]}
              - model: pca
                set: {k: 1}
            """;

    @TempDir
    Path tmp;

    private Path experiment() throws IOException {
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, TINY);
        return file;
    }

    @Test
    void sparkLocalGivesTheLocalExecutorsTrialsBitForBit() throws IOException {
        Path file = experiment();
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        Cli l = Cli.run("run", file.toString(), "--out", local.toString(), "--no-report");
        assertEquals(0, l.exit(), l.err());
        Cli s = Cli.run("run", file.toString(), "--out", spark.toString(), "--no-report", "--executor", "spark",
                "--master", "local[2]", "--parallel", "2");
        assertEquals(0, s.exit(), s.err());
        Map<String, Long> expected = Records.testMseBits(local);
        assertEquals(6, expected.size());
        assertEquals(expected, Records.testMseBits(spark));
        for (JsonNode r : Records.all(spark)) {
            JsonNode p = r.get("provenance");
            assertEquals("spark", p.get("executor").asText());
            assertEquals("local[2]", p.get("spark_master").asText());
            assertEquals(1, p.get("threads").asInt());
            String id = r.get("trial_id").asText();
            assertTrue(Files.isRegularFile(spark.resolve("artifacts").resolve(id + ".json")), "artifact of " + id);
            assertTrue(Files.readString(spark.resolve("logs").resolve(id + ".log")).contains("epoch 1/1")
                    || r.get("model").asText().equals("pca"), "log of " + id);
        }
        Cli again = Cli.run("run", file.toString(), "--out", spark.toString(), "--no-report", "--executor", "spark",
                "--master", "local[2]");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("(0 ran now, 6 recorded earlier)"), again.out());
        assertEquals(6, Records.all(spark).size());
    }

    @Test
    void aBadMasterIsOneLineAndExit2WithNothingWritten() throws IOException {
        Path file = experiment();
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "--executor", "spark", "--master", "spark:/h:7077");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().startsWith("aebench: --master: expected local, local[N], local[*] or spark://HOST:PORT, found 'spark:/h:7077'"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnreachableMasterIsOneLineAndExit2WithNothingWritten() throws IOException {
        Path file = experiment();
        Path out = tmp.resolve("out");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "--executor", "spark", "--master",
                "spark://127.0.0.1:" + port);
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("no Spark master answers at 127.0.0.1:" + port), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void moreThreadsPerTrialThanLocalSlotsIsOneLineAndExit2() throws IOException {
        Path file = tmp.resolve("wide.yaml");
        Files.writeString(file, TINY.replace("threads: 1", "threads: 3"));
        Cli r = Cli.run("run", file.toString(), "--out", tmp.resolve("out").toString(), "--executor", "spark",
                "--master", "local[2]");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("2 task slot(s), but each trial takes 3 threads (spark.task.cpus)"), r.err());
    }

    @Test
    void anUnknownExecutorNamesTheKnownOnes() throws IOException {
        Cli r = Cli.run("run", experiment().toString(), "--out", tmp.resolve("out").toString(), "--executor", "dask");
        assertEquals(2, r.exit(), r.err());
        assertEquals("aebench: --executor: expected one of local, spark, found dask", r.err().strip());
    }
}
