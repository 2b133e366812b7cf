package dev.aebench.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;
import dev.aebench.runner.cli.Main;
import dev.aebench.runner.testing.IdxFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resuming and changing an experiment (trials in-process, for speed): a rerun runs nothing again,
 * an extended grid runs only the new trials, a changed setting gives new trials whose results are
 * kept apart from the old ones, and a dry run writes nothing.
 */
class ResumeTest {
    @TempDir
    Path tmp;
    Path data;
    Path file;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        data = IdxFolder.write(tmp.resolve("data"), 120, 40, 8, 9);
        file = tmp.resolve("resume.yaml");
        out = tmp.resolve("out");
    }

    private String run(int expectedCode, String yaml, String... extra) throws IOException {
        Files.writeString(file, yaml);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"run", file.toString(), "--out", out.toString(), "--in-process"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        String[] withData = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data",
                data.toString())).toArray(String[]::new);
        int code = Main.run(withData, new PrintWriter(o, true), new PrintWriter(e, true));
        assertEquals(expectedCode, code, o + "\n" + e);
        return o.toString();
    }

    private static String experiment(String hidden, int epochs) {
        return "name: resume\nvalidation: 20\ndefaults: {epochs: " + epochs + ", probe: false}\nmodels:\n"
                + "  - {model: ae, set: {batch: 16}, grid: {hidden: " + hidden + "}}\n  - {model: pca, set: {k: 3}}\n";
    }

    private List<JsonNode> records() {
        return JsonLines.read(out.resolve("trials.jsonl"));
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws IOException {
        String text = run(0, experiment("[2, 4]", 1), "--dry-run");
        List<String> lines = text.lines().toList();
        assertEquals("3 trials", lines.get(lines.size() - 1));
        assertTrue(text.contains("hidden=4"), text);
        assertFalse(Files.exists(out));
    }

    @Test
    void rerunExtendChangeAndKeepApart() throws IOException {
        String first = run(0, experiment("[2, 4]", 1));
        assertTrue(first.contains("3 trials: 3 ok, 0 failed, 0 diverged (3 ran now, 0 recorded earlier)"), first);

        String again = run(0, experiment("[2, 4]", 1));
        assertTrue(again.contains("(0 ran now, 3 recorded earlier)"), again);
        assertEquals(3, records().size());

        String extended = run(0, experiment("[2, 4, 8]", 1));
        assertTrue(extended.contains("(1 ran now, 3 recorded earlier)"), extended);
        assertEquals(4, records().size());
        String dry = run(0, experiment("[2, 4, 8]", 1), "--dry-run");
        assertEquals(4, dry.lines().filter(l -> l.endsWith("(recorded)")).count(), dry);

        String changed = run(0, experiment("[2, 4, 8]", 2));
        assertTrue(changed.contains("(4 ran now, 0 recorded earlier)"), changed);
        assertEquals(8, records().size());
        StringWriter summary = new StringWriter();
        assertEquals(0, Main.run(new String[] {"results", "summary", out.toString()}, new PrintWriter(summary, true),
                new PrintWriter(new StringWriter(), true)));
        assertTrue(summary.toString().contains("(4 records from other plans"), summary.toString());
        assertTrue(summary.toString().contains("4 configurations, 4 planned trials, 0 pending"), summary.toString());
    }
}
