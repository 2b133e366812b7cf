package dev.aebench.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;
import dev.aebench.runner.cli.Main;
import dev.aebench.runner.plan.Plan;
import dev.aebench.runner.plan.PlannedTrial;
import dev.aebench.runner.store.AttemptLog;
import dev.aebench.runner.store.PlanFile;
import dev.aebench.runner.testing.IdxFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Crash safety: the runner runs as a separate process (with its trials in child JVMs) and is
 * SIGKILLed at random moments, at least ten times, and restarted each time. Half the kills hit
 * the runner alone (its children must then die by themselves), half the whole process tree. In
 * the end every planned trial is recorded exactly once, no line is corrupt, every trial process
 * of a killed runner died, and no recorded trial was ever started again.
 */
class KillRestartTest {
    private static final int KILLS = 10;
    private static final long SEED = 20240611L;

    @TempDir
    Path tmp;

    @Test
    void killedAtRandomMomentsAndRestartedEveryTrialIsRecordedExactlyOnce() throws Exception {
        Path data = IdxFolder.write(tmp.resolve("data"), 200, 50, 8, 5);
        Path file = tmp.resolve("kill.yaml");
        Files.writeString(file, """
                name: kill
                validation: 20
                defaults: {epochs: 1, probe: false, seeds: 4, threads: 1}
                models:
                  - model: ae
                    set: {batch: 16}
                    grid: {hidden: [2, 3, 4, 5], lr: [0.001, 0.01]}
                """);
        Path out = tmp.resolve("out");
        Path trials = out.resolve("trials.jsonl");
        Random rnd = new Random(SEED);
        int kills = 0;
        int killsDuringTrials = 0;
        for (int attempt = 0; kills < KILLS; attempt++) {
            if (attempt > 4 * KILLS) {
                fail("the sweep finished after only " + kills + " kills");
            }
            int before = lines(trials);
            Process runner = start(file, out, data, tmp.resolve("runner-" + attempt + ".log"));
            int mode = rnd.nextInt(3);
            long extraMillis = mode == 0 ? 100 + rnd.nextInt(1400) : rnd.nextInt(300);
            boolean alive = waitForRecords(runner, trials, before + mode) && sleepAlive(runner, extraMillis);
            if (!alive) {
                continue; // it finished first; start again and pick another moment
            }
            List<ProcessHandle> children = runner.descendants().toList();
            boolean wholeTree = kills % 2 == 1;
            runner.destroyForcibly();
            if (wholeTree) {
                children.forEach(ProcessHandle::destroyForcibly);
            }
            assertTrue(runner.waitFor(30, TimeUnit.SECONDS), "runner killed");
            kills++;
            killsDuringTrials += children.isEmpty() ? 0 : 1;
            System.out.printf("kill %d (attempt %d): %s, %d trial processes, %d records before, %d after%n", kills,
                    attempt, wholeTree ? "whole tree" : "runner only", children.size(), before, lines(trials));
            for (ProcessHandle c : children) {
                assertTrue(c.onExit().thenApply(h -> true).completeOnTimeout(false, 30, TimeUnit.SECONDS).get(),
                        "trial process " + c.pid() + " outlived its killed runner");
            }
        }
        assertTrue(killsDuringTrials >= 3, "kills while trials ran: " + killsDuringTrials);
        Process last = start(file, out, data, tmp.resolve("runner-final.log"));
        assertTrue(last.waitFor(300, TimeUnit.SECONDS), "final run finished");
        assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("runner-final.log")));

        Plan plan = PlanFile.read(out).orElseThrow();
        Set<String> planned = plan.trials().stream().map(PlannedTrial::id).collect(Collectors.toSet());
        assertEquals(32, planned.size());
        List<String> raw = Files.readAllLines(trials, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        for (String line : raw) {
            JsonNode n = JsonLines.mapper().readTree(line); // throws on a corrupt line
            assertTrue(n.isObject(), line);
            assertEquals("ok", n.get("status").asText(), line);
            ids.add(n.get("trial_id").asText());
        }
        assertEquals(planned.size(), ids.size(), "one line per trial: " + ids);
        assertEquals(planned, new HashSet<>(ids), "every planned trial, exactly once");
        assertNoRecordedTrialStartedAgain(out.resolve("attempts.log"));
    }

    private static void assertNoRecordedTrialStartedAgain(Path attempts) throws IOException {
        Map<String, Integer> recorded = new HashMap<>();
        int starts = 0;
        for (String[] e : AttemptLog.read(attempts)) {
            if (e[0].equals(AttemptLog.RECORDED)) {
                assertTrue(recorded.merge(e[1], 1, Integer::sum) == 1, "recorded twice: " + e[1]);
            } else if (e[0].equals(AttemptLog.START)) {
                starts++;
                assertTrue(!recorded.containsKey(e[1]), "trial " + e[1] + " started again after it was recorded");
            }
        }
        assertEquals(32, recorded.size());
        assertTrue(starts >= 32, "starts " + starts);
    }

    private static Process start(Path file, Path out, Path data, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--add-modules", "jdk.incubator.vector", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", file.toString(), "--out", out.toString(), "--data", data.toString(),
                "--parallel", "2"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the file has {@code n} lines; false when the runner exits first. */
    private static boolean waitForRecords(Process runner, Path trials, int n) throws Exception {
        while (lines(trials) < n) {
            if (runner.waitFor(20, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return runner.isAlive();
    }

    private static boolean sleepAlive(Process runner, long millis) throws InterruptedException {
        return !runner.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    private static int lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] b = Files.readAllBytes(file);
        int n = 0;
        for (byte x : b) {
            n += x == '\n' ? 1 : 0;
        }
        return n;
    }
}
