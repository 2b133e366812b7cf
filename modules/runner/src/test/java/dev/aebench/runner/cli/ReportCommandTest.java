package dev.aebench.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code aebench report}: a folder it cannot report on is exit 2 and one line on stderr naming
 * the path and what was expected; a results folder gives its report (default folder or --out).
 */
class ReportCommandTest {
    @TempDir
    Path tmp;

    private static void assertOneLineError(CliRunner r, String expected) {
        assertEquals(2, r.exit(), () -> "exit; stderr: " + r.err());
        assertEquals(1, r.errLines(), () -> "one line: " + r.err());
        assertTrue(r.err().startsWith("aebench: ") && r.err().contains(expected), () -> "expected '" + expected + "' in: " + r.err());
        assertEquals("", r.out(), "nothing on stdout");
    }

    @Test
    void missingFolder() {
        assertOneLineError(CliRunner.run("report", tmp.resolve("nowhere").toString()), "nowhere: no such results folder");
    }

    @Test
    void emptyFolder() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("empty"));
        assertOneLineError(CliRunner.run("report", d.toString()),
                "empty: expected a results folder with plan.json and trials.jsonl, found an empty folder");
        assertEquals(0, Files.list(d).count(), "nothing written");
    }

    @Test
    void notAResultsFolder() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(d.resolve("notes.txt"), "hello");
        assertOneLineError(CliRunner.run("report", d.toString()),
                "src: expected a results folder of aebench run, found no plan.json and no trials.jsonl");
    }

    private Path plan(Path d) throws IOException {
        Files.createDirectories(d);
        Files.writeString(d.resolve("plan.json"), """
                {"experiment": "one", "validation": 100, "select": "val_mse",
                 "data": {"dir": "/data/x", "fingerprint": "f", "train_images": 1000, "height": 4, "width": 4},
                 "entries": [{"id": "t0", "config_id": "c0", "block": 0, "block_label": "ae", "varying": "", "model": "ae",
                              "params": {"hidden": "8"}, "seed": 0, "epochs": 1, "probe": false, "validation": 100}]}
                """);
        return d;
    }

    @Test
    void noReadableRecord() throws IOException {
        Path d = plan(tmp.resolve("r"));
        Files.writeString(d.resolve("trials.jsonl"), "not json\n{\"trial_id\": \"t0\", \"sta");
        assertOneLineError(CliRunner.run("report", d.toString()),
                "trials.jsonl: expected at least one readable trial record, found none");
    }

    @Test
    void aResultsFolderGivesItsReport() throws IOException {
        Path d = plan(tmp.resolve("r"));
        Files.writeString(d.resolve("trials.jsonl"), "{\"trial_id\": \"t0\", \"status\": \"ok\", \"experiment\": \"one\", "
                + "\"block\": \"ae\", \"config_id\": \"c0\", \"model\": \"ae\", \"params\": {\"hidden\": \"8\"}, \"seed\": 0, "
                + "\"epochs\": 1, \"metrics\": {\"val_mse\": 0.05, \"test_mse\": 0.051, \"loss_curve\": [0.07]}, "
                + "\"time\": {\"train_sec\": 1.0}, \"validation\": 100, \"probe\": false, \"wall_sec\": 2.0}\n"
                + "{\"trial_id\": \"t0\", \"st");
        CliRunner r = CliRunner.run("report", d.toString());
        assertEquals(0, r.exit(), () -> "stderr: " + r.err());
        assertTrue(r.out().startsWith("report: " + d.resolve("report").resolve("index.html")), r.out());
        for (String f : new String[] {"README.md", "index.html", "summary.csv"}) {
            assertTrue(Files.isRegularFile(d.resolve("report").resolve(f)), f);
        }
        assertTrue(Files.readString(d.resolve("report").resolve("README.md")).contains("the last line is torn"),
                "the torn line is stated");
        Path out = tmp.resolve("elsewhere");
        CliRunner o = CliRunner.run("report", d.toString(), "--out", out.toString());
        assertEquals(0, o.exit(), () -> "stderr: " + o.err());
        assertEquals(Files.readString(d.resolve("report").resolve("index.html")), Files.readString(out.resolve("index.html")));
    }
}
