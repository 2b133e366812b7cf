package dev.aebench.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * experiments/quick.yaml on Fashion-MNIST under {@code --executor local} and {@code --executor
 * spark --master local[2]}: the same trial ids and the same test MSE bits (same seeds, same
 * threads per trial: 2 on a 2-core machine, the default). Gated: two full runs of the file.
 */
@EnabledIfSystemProperty(named = "aebench.integration", matches = "true")
class QuickYamlEquivalenceTest {
    @TempDir
    Path tmp;

    @Test
    void quickYamlGivesIdenticalPerTrialMetricsLocallyAndOnSpark() throws IOException {
        Path quick = Path.of(System.getProperty("aebench.root", "../..")).resolve("experiments/quick.yaml");
        assertEquals(true, Files.isRegularFile(quick), quick.toAbsolutePath().toString());
        String threads = Integer.toString(Math.min(2, Runtime.getRuntime().availableProcessors()));
        Path file = tmp.resolve("quick.yaml");
        // the same file, with the threads per trial written out so that both executors use the same count
        Files.writeString(file, Files.readString(quick).replace("defaults:\n", "defaults:\n  threads: " + threads + "\n"));
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        Cli l = Cli.run("run", file.toString(), "--out", local.toString(), "--no-report");
        assertEquals(0, l.exit(), l.err());
        Cli s = Cli.run("run", file.toString(), "--out", spark.toString(), "--no-report", "--executor", "spark",
                "--master", "local[" + threads + "]");
        assertEquals(0, s.exit(), s.err());
        Map<String, Long> expected = Records.testMseBits(local);
        assertEquals(4, expected.size());
        assertEquals(expected, Records.testMseBits(spark));
    }
}
