package dev.aebench.runner.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.error.UserError;
import dev.aebench.core.result.JsonLines;
import dev.aebench.runner.experiment.Selection;
import dev.aebench.runner.plan.DataSource;
import dev.aebench.runner.plan.Plan;
import dev.aebench.runner.plan.PlannedTrial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code plan.json}: the plan of the latest run in a folder, replaced atomically at each start.
 * Summaries read it to know which recorded trials belong to the current experiment and to which
 * block and configuration; records of other plans stay in {@code trials.jsonl} but are not mixed in.
 */
public final class PlanFile {
    public static final String NAME = "plan.json";

    private PlanFile() {
    }

    public static void write(Path dir, Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", plan.experiment());
        m.put("validation", plan.validation());
        m.put("select", plan.select().metric());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dir", dev.aebench.core.data.DataLocator.absolute(plan.data().dir()));
        data.put("fingerprint", plan.data().fingerprint());
        data.put("train_images", plan.data().trainImages());
        data.put("height", plan.data().height());
        data.put("width", plan.data().width());
        m.put("data", data);
        List<Object> trials = new ArrayList<>();
        for (PlannedTrial t : plan.entries()) {
            trials.add(t.toMap());
        }
        m.put("entries", trials);
        try {
            AtomicFiles.write(dir.resolve(NAME), JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<Plan> read(Path dir) {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JsonLines.mapper().readTree(file.toFile());
            JsonNode d = n.get("data");
            DataSource data = new DataSource(Path.of(d.get("dir").asText()), d.get("fingerprint").asText(),
                    d.get("train_images").asInt(), d.get("height").asInt(), d.get("width").asInt());
            List<PlannedTrial> entries = new ArrayList<>();
            for (JsonNode t : n.get("entries")) {
                entries.add(PlannedTrial.fromJson(t));
            }
            Selection select = Selection.fromMetric(n.path("select").asText(Selection.VAL_MSE.metric()));
            return Optional.of(new Plan(n.get("experiment").asText(), data, n.get("validation").asInt(), select, entries));
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": expected a plan written by aebench run, found unreadable content ("
                    + e.getMessage() + ")");
        }
    }
}
