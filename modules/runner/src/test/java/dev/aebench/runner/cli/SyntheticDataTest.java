package dev.aebench.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --data synthetic:...} and an experiment's {@code data: synthetic:...}, end to end. */
class SyntheticDataTest {
    @TempDir
    Path dir;

    private JsonNode trainJson(String... args) throws IOException {
        Path json = dir.resolve("r" + System.nanoTime() + ".jsonl");
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--json";
        all[args.length + 1] = json.toString();
        CliRunner r = CliRunner.run(all);
        assertEquals(0, r.exit(), r::err);
        return JsonLines.mapper().readTree(Files.readAllLines(json).get(0));
    }

    @Test
    void aMixtureTrialReportsItsScoreField() throws IOException {
        JsonNode m = trainJson("train", "--model", "dae", "--data", "synthetic:mixture:1", "--set", "noise=additive",
                "--set", "sigma=0.05", "--set", "hidden=8", "--set", "output=identity", "--epochs", "1", "--no-probe",
                "--metrics", "none", "--quiet").get("metrics");
        double cos = m.get("score_cosine").asDouble();
        assertTrue(cos >= -1 && cos <= 1, "cosine " + cos);
        assertTrue(m.has("score_fit") && m.has("score_scale"), m.toString());
        int points = m.get("score_points").asInt();
        assertTrue(points > 50, "points " + points);
        for (String list : new String[] {"field_x", "field_y", "field_u", "field_v", "field_score_u", "field_score_v"}) {
            assertEquals(points, m.get(list).size(), list);
        }
    }

    @Test
    void otherPlaneDataTrainsAndProbesWithoutAScoreField() throws IOException {
        JsonNode r = trainJson("train", "--model", "ae", "--data", "synthetic:circle", "--set", "hidden=8",
                "--epochs", "1", "--metrics", "none", "--quiet");
        JsonNode m = r.get("metrics");
        assertFalse(m.has("score_cosine"), m.toString());
        assertTrue(m.get("probe_acc").asDouble() > 0.125, "better than chance over 8 angle bins: " + m.get("probe_acc"));
        assertEquals("synthetic:circle:0:v1/train/synthetic:circle:0:v1/test",
                r.get("provenance").get("data").asText());
    }

    @Test
    void anExperimentNamesSyntheticData() throws IOException {
        Path file = dir.resolve("plane.yaml");
        Files.writeString(file, "name: plane\ndata: synthetic:spiral:2\nvalidation: 5000\nmodels: [{model: ae}]\n");
        CliRunner r = CliRunner.run("run", file.toString(), "--out", dir.resolve("out").toString(), "--dry-run");
        assertEquals(0, r.exit(), r::err);
        assertTrue(r.out().contains("data synthetic:spiral:2 (synthetic:spiral:2:v1)"), r.out());
    }
}
