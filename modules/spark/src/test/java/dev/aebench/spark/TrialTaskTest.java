package dev.aebench.spark;

import dev.aebench.runner.plan.PlannedTrial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task body outside Spark: a trial's outcome and artifact come back; a missing data folder is reported as such. */
class TrialTaskTest {
    @TempDir
    Path tmp;

    private static PlannedTrial trial(String model, Map<String, String> params) {
        return new PlannedTrial("00000000000000aa", "c1", 0, model, "", model, params, 3, 0, 1, false, 1000);
    }

    @Test
    void aMissingDataFolderIsReportedNotRunNorRecordedAsAFailedTrial() {
        Path missing = tmp.resolve("nowhere");
        String reply = new TrialTask().call(new TaskRequest(trial("pca", Map.of("k", "1")), 1, missing.toString(), null, true)
                .toJson());
        TaskReply r = TaskReply.fromJson(reply);
        assertNull(r.outcome());
        assertTrue(r.dataMissing().startsWith("data folder " + missing + " not found on executor "), r.dataMissing());
        assertTrue(r.dataMissing().endsWith("or pass --ship-data"), r.dataMissing());
    }

    @Test
    void aTrialComesBackWithItsOutcomeOutputAndArtifact() {
        String reply = new TrialTask().call(new TaskRequest(trial("ae", Map.of("hidden", "3")), 1, "synthetic:circle", null, true)
                .toJson());
        TaskReply r = TaskReply.fromJson(reply);
        assertNull(r.dataMissing());
        Map<String, Object> outcome = r.outcomeMap();
        assertEquals("ok", outcome.get("status"), String.valueOf(outcome.get("error")));
        assertTrue(r.lines().stream().anyMatch(l -> l.startsWith("epoch 1/1")), r.lines().toString());
        assertNotNull(r.artifact());
        assertTrue(r.artifact().startsWith("{"), r.artifact().substring(0, 20));
        assertEquals(ProcessHandle.current().pid(), r.pid());
    }

    @Test
    void aTrialsOwnFailureIsAnOutcome() {
        String reply = new TrialTask().call(new TaskRequest(trial("ae", Map.of("hidden", "-1")), 1, "synthetic:circle", null, false)
                .toJson());
        Map<String, Object> outcome = TaskReply.fromJson(reply).outcomeMap();
        assertEquals("failed", outcome.get("status"));
        assertTrue(String.valueOf(outcome.get("error")).contains("hidden"), String.valueOf(outcome.get("error")));
    }
}
