package dev.aebench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.runner.cli.Main;
import dev.aebench.runner.plan.PlannedTrial;
import dev.aebench.runner.store.AttemptLog;
import dev.aebench.runner.store.PlanFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Spark driver (with its local executor inside) SIGKILLed mid-sweep, twice, then rerun to the
 * end: every planned trial is recorded exactly once, every line parses, and no recorded trial was
 * started again.
 */
class DriverKillTest {
    private static final int KILLS = 2;

    @TempDir
    Path tmp;

    @Test
    void aDriverKilledMidSweepResumesWithoutRedoingFinishedTrials() throws Exception {
        Path file = tmp.resolve("kill.yaml");
        Files.writeString(file, """
                name: kill
                data: synthetic:spiral
                validation: 2000
                defaults: {epochs: 2, probe: false, seeds: 3, threads: 1}
                models:
                  - model: ae
                    grid: {hidden: [2, 3, 4, 5]}
                """);
        Path out = tmp.resolve("out");
        Path trials = out.resolve("trials.jsonl");
        int kills = 0;
        for (int attempt = 0; kills < KILLS; attempt++) {
            if (attempt > 4 * KILLS) {
                fail("the sweep finished after only " + kills + " kills");
            }
            int before = lines(trials);
            Process driver = start(file, out, tmp.resolve("driver-" + attempt + ".log"));
            if (!waitForRecords(driver, trials, before + 2)) {
                continue; // it finished first
            }
            driver.destroyForcibly();
            assertTrue(driver.waitFor(30, TimeUnit.SECONDS), "driver killed");
            kills++;
        }
        Process last = start(file, out, tmp.resolve("driver-final.log"));
        assertTrue(last.waitFor(300, TimeUnit.SECONDS), "final run finished");
        assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("driver-final.log")));

        Set<String> planned = PlanFile.read(out).orElseThrow().trials().stream().map(PlannedTrial::id)
                .collect(Collectors.toSet());
        assertEquals(12, planned.size());
        List<String> ids = new ArrayList<>();
        for (JsonNode r : Records.all(out)) {
            assertEquals("ok", r.get("status").asText(), r.toString());
            ids.add(r.get("trial_id").asText());
        }
        assertEquals(planned.size(), ids.size(), "one line per trial: " + ids);
        assertEquals(planned, new HashSet<>(ids), "every planned trial, exactly once");
        Map<String, Integer> recorded = new HashMap<>();
        for (String[] e : AttemptLog.read(out.resolve("attempts.log"))) {
            if (e[0].equals(AttemptLog.RECORDED)) {
                assertEquals(1, recorded.merge(e[1], 1, Integer::sum), "recorded twice: " + e[1]);
            } else if (e[0].equals(AttemptLog.START)) {
                assertTrue(!recorded.containsKey(e[1]), "trial " + e[1] + " started again after it was recorded");
            }
        }
        assertEquals(planned, recorded.keySet());
    }

    /** A driver JVM like the launcher's: this JVM's flags (Vector API, Spark's opens), its class path. */
    private static Process start(Path file, Path out, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("--enable-native-access") || a.startsWith("-Djdk.")
                    || a.startsWith("-Dio.netty")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                file.toString(), "--out", out.toString(), "--executor", "spark", "--master", "local[2]", "--parallel", "2",
                "--no-report"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the file has {@code n} lines; false when the driver exits first. */
    private static boolean waitForRecords(Process driver, Path trials, int n) throws Exception {
        while (lines(trials) < n) {
            if (driver.waitFor(20, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return driver.isAlive();
    }

    private static int lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int n = 0;
        for (byte b : Files.readAllBytes(file)) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }
}
