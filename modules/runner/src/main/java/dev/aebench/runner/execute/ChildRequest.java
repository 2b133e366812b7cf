package dev.aebench.runner.execute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;
import dev.aebench.runner.plan.PlannedTrial;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a trial process is asked to do, passed as one JSON argument: the trial, its kernel
 * threads, the data folder, where to leave the result, the attempt log, the artifacts folder (or null), the pid of the
 * runner it must not outlive, and the sweep's checkpointing (or null).
 */
record ChildRequest(PlannedTrial trial, int threads, Path data, Path result, Path attempts, Path artifacts, long parentPid,
                    SweepCheckpoints checkpoints) {
    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", trial.toMap());
        m.put("threads", threads);
        m.put("data", dev.aebench.core.data.DataLocator.absolute(data));
        m.put("result", result.toAbsolutePath().toString());
        m.put("attempts", attempts == null ? null : attempts.toAbsolutePath().toString());
        m.put("artifacts", artifacts == null ? null : artifacts.toAbsolutePath().toString());
        m.put("parent_pid", parentPid);
        m.put("checkpoints", checkpoints == null ? null : checkpoints.dir().toAbsolutePath().toString());
        m.put("checkpoint_interval", checkpoints == null ? null : checkpoints.minIntervalSeconds());
        return JsonLines.toLine(m);
    }

    static ChildRequest fromJson(String text) throws java.io.IOException {
        JsonNode n = JsonLines.mapper().readTree(text);
        return new ChildRequest(PlannedTrial.fromJson(n.get("trial")), n.get("threads").asInt(), Path.of(n.get("data").asText()),
                Path.of(n.get("result").asText()), n.get("attempts").isNull() ? null : Path.of(n.get("attempts").asText()),
                n.path("artifacts").isTextual() ? Path.of(n.get("artifacts").asText()) : null, n.get("parent_pid").asLong(),
                n.path("checkpoints").isTextual() ? new SweepCheckpoints(Path.of(n.get("checkpoints").asText()),
                        n.get("checkpoint_interval").asDouble()) : null);
    }
}
