package dev.aebench.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code aebench perf check}: bad input is one line and exit 2, before anything is measured. */
class PerfCheckCommandTest {
    @TempDir
    Path dir;

    private static void assertUserError(CliRunner r, String... fragments) {
        assertEquals(2, r.exit(), () -> "exit code; stderr: " + r.err());
        assertEquals(1, r.errLines(), () -> "expected one line, got: " + r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), () -> "stderr should mention '" + f + "': " + r.err());
        }
    }

    @Test
    void ambiguousThreshold() {
        assertUserError(CliRunner.run("perf", "check", "--threshold", "15"), "--threshold", "15%");
    }

    @Test
    void threadsOnlyWithUpdate() {
        assertUserError(CliRunner.run("perf", "check", "--threads", "2"), "--threads applies to --update-baseline");
    }

    @Test
    void tooFewRepeats() {
        assertUserError(CliRunner.run("perf", "check", "--repeats", "2"), "--repeats");
    }

    @Test
    void missingBaselineSaysHowToCreateIt() {
        assertUserError(CliRunner.run("perf", "check", "--short", "--baseline", dir.resolve("none.json").toString()),
                "does not exist", "--update-baseline");
    }

    @Test
    void malformedBaselineNamesTheFile() throws Exception {
        Path b = dir.resolve("b.json");
        Files.writeString(b, "[1, 2");
        assertUserError(CliRunner.run("perf", "check", "--baseline", b.toString()), b.toString(), "not valid JSON");
    }

    @Test
    void unknownFamilyIsNamed() {
        assertUserError(CliRunner.run("perf", "check", "--update-baseline", "--families", "ae,nope", "--baseline",
                dir.resolve("b.json").toString()), "unknown model 'nope'");
    }

    @Test
    void updateWritesTheBaselineWithTheCommandAsProvenance() throws Exception {
        Path b = dir.resolve("perf-baseline.json");
        CliRunner r = CliRunner.run("perf", "check", "--short", "--update-baseline", "--families", "linear", "--repeats", "3",
                "--baseline", b.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("wrote the 'short' section"), r.out());
        String json = Files.readString(b);
        assertTrue(json.contains("\"command\" : \"aebench perf check --short --update-baseline --families linear --repeats 3 --baseline "
                + b + " --quiet\""), json);
        assertTrue(json.contains("\"threads\" : 1"), json);
    }

    @Test
    void perfWithoutSubcommandShowsUsage() {
        CliRunner r = CliRunner.run("perf");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("check"), r.out());
    }
}
