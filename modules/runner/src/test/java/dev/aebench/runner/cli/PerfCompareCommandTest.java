package dev.aebench.runner.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code aebench perf compare} and {@code perf report} on bad input: one line, exit 2, nothing left
 * behind; and a report drawn from a small constructed history.
 */
class PerfCompareCommandTest {
    @TempDir
    Path dir;
    private String home;

    @BeforeEach
    void projectIsThisCheckout() {
        home = System.getProperty("aebench.home");
        System.setProperty("aebench.home", Path.of("../..").toAbsolutePath().normalize().toString());
    }

    @AfterEach
    void restore() {
        if (home == null) {
            System.clearProperty("aebench.home");
        } else {
            System.setProperty("aebench.home", home);
        }
    }

    private static void assertUserError(CliRunner r, String... fragments) {
        assertEquals(2, r.exit(), () -> "exit code; stderr: " + r.err());
        assertEquals(1, r.errLines(), () -> "expected one line, got: " + r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), () -> "stderr should mention '" + f + "': " + r.err());
        }
    }

    @Test
    void anUnknownRevisionIsOneLineAndLeavesNoCacheEntry() throws Exception {
        Path cache = dir.resolve("cache");
        assertUserError(CliRunner.run("perf", "compare", "--base", "no-such-rev-xyz", "--short", "--quiet", "--cache", cache.toString()),
                "--base no-such-rev-xyz: not a commit in");
        assertTrue(!Files.exists(cache) || Files.list(cache).findAny().isEmpty());
    }

    @Test
    void baseIsRequiredAndOptionsAreChecked() {
        CliRunner r = CliRunner.run("perf", "compare", "--short");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--base"), r.err());
        assertUserError(CliRunner.run("perf", "compare", "--base", "HEAD", "--rounds", "1"), "--rounds");
        assertUserError(CliRunner.run("perf", "compare", "--base", "HEAD", "--threshold", "15"), "--threshold");
    }

    @Test
    void historyOfADirtyTreeIsRefusedBeforeAnythingRuns() {
        System.setProperty("aebench.commit", "0123456789abcdef-dirty");
        try {
            assertUserError(CliRunner.run("perf", "compare", "--base", "HEAD", "--history", dir.resolve("h.jsonl").toString(),
                    "--cache", dir.resolve("cache").toString()), "uncommitted changes");
            assertTrue(!Files.exists(dir.resolve("cache")));
        } finally {
            System.clearProperty("aebench.commit");
        }
    }

    @Test
    void reportDrawsOneSvgPerFamilyWithTheChangePoint() throws Exception {
        Path h = dir.resolve("h.jsonl");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            double ae = (i < 6 ? 2.0 : 2.5) * (1 + 0.01 * (i % 3));
            s.append(String.format(java.util.Locale.ROOT, "{\"format\":\"aebench-perf-history/1\",\"command\":\"check\",\"date\":\"2026-12-%02dT00:00:00Z\","
                    + "\"commit\":\"c%02d\",\"machine\":\"m\",\"cpu_class\":\"vector-512/fma-160-320\",\"mode\":\"short\",\"passed\":true,"
                    + "\"families\":{\"ae\":{\"ratio\":%.4f},\"linear\":{\"ratio\":0.21}}}%n", i + 1, i, ae));
        }
        Files.writeString(h, s.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("trend");
        CliRunner r = CliRunner.run("perf", "report", h.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2 families, 12 runs, 1 change points"), r.out());
        String md = Files.readString(out.resolve("trend.md"));
        assertTrue(md.contains("| [ae](trend-ae.svg) | 12 | run 7 (c06, vector-512/fma-160-320 short): +2"), md);
        assertTrue(md.contains("| [linear](trend-linear.svg) | 12 | none |"), md);
        String svg = Files.readString(out.resolve("trend-ae.svg"));
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg") && svg.contains("+2"), svg.substring(0, 200));
        assertUserError(CliRunner.run("perf", "report", dir.resolve("none.jsonl").toString()), "does not exist");
    }

    @Test
    void theCiExamplesAreValidYamlThatRunCompareAndPublishBothOutputs() throws Exception {
        Path examples = Path.of("../../ci/examples");
        for (String f : List.of("github-actions-perf.yml", "gitlab-ci-perf.yml")) {
            String text = Files.readString(examples.resolve(f));
            Object doc = new org.yaml.snakeyaml.Yaml().load(text);
            assertTrue(doc instanceof Map, f);
            assertTrue(text.contains("./aebench perf compare --base"), f);
            assertTrue(text.contains("--markdown perf.md") && text.contains("--junit perf-junit.xml"), f);
        }
    }
}
