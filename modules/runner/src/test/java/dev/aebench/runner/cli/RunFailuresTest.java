package dev.aebench.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;
import dev.aebench.runner.testing.IdxFolder;
import dev.aebench.runner.testing.TestFailFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep, in child JVMs, where one trial throws and one diverges: both are recorded with their
 * status and message, the others complete, the exit code is 1, and a rerun runs nothing again.
 */
class RunFailuresTest {
    @TempDir
    Path tmp;

    private int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void failedAndDivergedTrialsAreRecordedAndTheSweepGoesOn() throws Exception {
        Path data = IdxFolder.write(tmp.resolve("data"), 200, 50, 8, 3);
        Path file = tmp.resolve("fail.yaml");
        Files.writeString(file, """
                name: fail
                validation: 20
                defaults: {epochs: 2, probe: false}
                models:
                  - {model: testfail, grid: {mode: [ok, throw, nan]}}
                  - {model: ae, set: {hidden: 4, batch: 16}}
                """);
        Path outDir = tmp.resolve("out");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "run", file.toString(), "--out", outDir.toString(), "--data", data.toString(),
                "--parallel", "2");
        assertEquals(1, code, out + "\n" + err);
        List<JsonNode> lines = JsonLines.read(outDir.resolve("trials.jsonl"));
        assertEquals(4, lines.size(), out.toString());
        Map<String, JsonNode> byMode = new HashMap<>();
        for (JsonNode n : lines) {
            byMode.put(n.get("model").asText().equals("ae") ? "ae" : n.get("params").get("mode").asText(), n);
        }
        assertEquals("ok", byMode.get("ok").get("status").asText());
        assertEquals("failed", byMode.get("throw").get("status").asText());
        assertTrue(byMode.get("throw").get("error").asText().contains(TestFailFamily.MESSAGE), byMode.get("throw").toString());
        assertEquals("diverged", byMode.get("nan").get("status").asText());
        assertTrue(byMode.get("nan").get("error").asText().startsWith("diverged: loss NaN"), byMode.get("nan").toString());
        JsonNode ae = byMode.get("ae");
        assertEquals("ok", ae.get("status").asText());
        for (String field : List.of("trial_id", "config_id", "metrics", "time", "provenance")) {
            assertTrue(ae.hasNonNull(field), field + " in " + ae);
        }
        for (String metric : List.of("test_mse", "val_mse", "sec_per_epoch")) {
            assertTrue(ae.get("metrics").hasNonNull(metric), metric + " in " + ae);
        }
        assertTrue(ae.get("time").hasNonNull("train_sec"), "train_sec in " + ae);
        assertEquals(2, ae.get("metrics").get("loss_curve").size());
        assertEquals(20, ae.get("validation").asInt());
        assertTrue(out.toString().contains("4 trials: 2 ok, 1 failed, 1 diverged"), out.toString());

        StringWriter again = new StringWriter();
        assertEquals(1, run(again, new StringWriter(), "run", file.toString(), "--out", outDir.toString(), "--data",
                data.toString()), "failures stay recorded: still exit 1");
        assertTrue(again.toString().contains("(0 ran now, 4 recorded earlier)"), again.toString());
        assertEquals(4, Files.readAllLines(outDir.resolve("trials.jsonl")).size());

        Path csv = tmp.resolve("summary.csv");
        StringWriter summary = new StringWriter();
        assertEquals(0, run(summary, new StringWriter(), "results", "summary", outDir.toString(), "--csv", csv.toString()));
        assertTrue(summary.toString().contains("1/1 1 failed") || summary.toString().contains("0/1 1 failed"), summary.toString());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(5, rows.size(), "header and 4 configurations: " + rows);
        assertTrue(rows.get(0).startsWith("block,model,config,config_id,selected,planned,ok,failed,diverged,val_mse_mean"), rows.get(0));
    }
}
