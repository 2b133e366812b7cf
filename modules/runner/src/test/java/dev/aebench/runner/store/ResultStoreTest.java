package dev.aebench.runner.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultStoreTest {
    @TempDir
    Path dir;

    @Test
    void aResultWhoseRecordedEventWasLostToAKillGetsItOnReopen() throws Exception {
        try (ResultStore store = ResultStore.open(dir)) {
            store.record(Map.of("trial_id", "a", "status", "ok"));
        }
        // the kill came between the result line and the event for trial b
        dev.aebench.core.result.JsonLines.append(dir.resolve(ResultStore.TRIALS), Map.of("trial_id", "b", "status", "failed"));
        try (ResultStore store = ResultStore.open(dir)) {
            List<String[]> events = AttemptLog.read(store.attemptsLog());
            assertEquals(2, events.size());
            assertEquals(List.of("recorded", "a", "ok"), List.of(events.get(0)));
            assertEquals("recorded", events.get(1)[0]);
            assertEquals("b", events.get(1)[1]);
            assertEquals("failed", events.get(1)[2]);
        }
        try (ResultStore store = ResultStore.open(dir)) {
            assertEquals(2, AttemptLog.read(store.attemptsLog()).size(), "nothing added twice");
        }
        assertEquals(2, Files.readAllLines(dir.resolve(ResultStore.TRIALS)).size());
    }
}
