package dev.aebench.report.results;

import dev.aebench.core.error.UserError;
import dev.aebench.report.render.Report;
import dev.aebench.report.testing.MarkdownTables;
import dev.aebench.report.testing.ResultsFixture;
import dev.aebench.report.testing.ThreeBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a results folder: a folder that cannot give a report is one clear line naming the
 * path, what was expected and what was found; lesser damage (a torn last line, unreadable lines,
 * records of another plan, repeated records, metrics this version does not describe, an
 * unreadable artifact or experiment file) is tolerated and stated in the report's text.
 */
class ResultsFolderTest {
    @TempDir
    Path tmp;

    /** Writes a bad folder under the given root and returns the path to read. */
    interface Bad extends Function<Path, Path> {
    }

    private static Path write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plan of one trial (id "t0") without its records. */
    private static Path planOnly(Path dir) {
        new ResultsFixture(100).write(dir);
        write(dir.resolve("plan.json"), """
                {"experiment": "one", "validation": 100, "select": "val_mse",
                 "entries": [{"id": "t0", "config_id": "c0", "block": 0, "block_label": "ae", "varying": "", "model": "ae",
                              "params": {"hidden": "8"}, "seed": 0, "epochs": 1, "probe": false, "validation": 100}]}
                """);
        return dir;
    }

    static Stream<Arguments> badFolders() {
        return Stream.of(
                Arguments.of("missing folder", (Bad) root -> root.resolve("nowhere"), "nowhere: no such results folder"),
                Arguments.of("a file", (Bad) root -> write(root.resolve("file.txt"), "x"),
                        "file.txt: expected a results folder (the output of aebench run), found a file"),
                Arguments.of("empty folder", (Bad) root -> {
                    try {
                        return Files.createDirectories(root.resolve("empty"));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, "empty: expected a results folder with plan.json and trials.jsonl, found an empty folder"),
                Arguments.of("not a results folder", (Bad) root -> write(root.resolve("src").resolve("Main.java"), "class Main {}").getParent(),
                        "src: expected a results folder of aebench run, found no plan.json and no trials.jsonl"),
                Arguments.of("records without a plan", (Bad) root -> write(root.resolve("r").resolve("trials.jsonl"), "{}\n").getParent(),
                        "r: expected a results folder of aebench run, found no plan.json beside trials.jsonl"),
                Arguments.of("unreadable plan", (Bad) root -> {
                    Path d = planOnly(root.resolve("p"));
                    write(d.resolve("plan.json"), "{\"experiment\": \"one\", \"entries\": [");
                    return d;
                }, "plan.json: expected a plan written by aebench run, found unreadable content ("),
                Arguments.of("plan without entries", (Bad) root -> {
                    Path d = planOnly(root.resolve("p"));
                    write(d.resolve("plan.json"), "{\"experiment\": \"one\"}");
                    return d;
                }, "plan.json: expected a plan written by aebench run, found unreadable content (no experiment and entries)"),
                Arguments.of("plan entry without id", (Bad) root -> {
                    Path d = planOnly(root.resolve("p"));
                    write(d.resolve("plan.json"), "{\"experiment\": \"one\", \"entries\": [{\"block\": 0}]}");
                    return d;
                }, "plan.json: expected plan entries with id, config_id, block, block_label, model, params, seed and epochs, found {\"block\":0}"),
                Arguments.of("no trials file", (Bad) root -> {
                    Path d = planOnly(root.resolve("p"));
                    try {
                        Files.delete(d.resolve("trials.jsonl"));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return d;
                }, "trials.jsonl: expected the trial records of aebench run, found no such file"),
                Arguments.of("empty trials file", (Bad) root -> planOnly(root.resolve("p")),
                        "trials.jsonl: expected at least one readable trial record, found none"),
                Arguments.of("no readable record", (Bad) root -> {
                    Path d = planOnly(root.resolve("p"));
                    write(d.resolve("trials.jsonl"), "garbage\n[1, 2]\n{\"status\": \"ok\"}\n{\"trial_id\": \"t0\", \"stat");
                    return d;
                }, "trials.jsonl: expected at least one readable trial record, found none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFolders")
    void badFolderIsOneClearLine(String name, Bad bad, String expected) {
        Path dir = bad.apply(tmp);
        UserError e = assertThrows(UserError.class, () -> ResultsFolder.read(dir), name);
        assertTrue(e.getMessage().contains(expected), name + ": expected '" + expected + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), name + ": one line: " + e.getMessage());
        UserError r = assertThrows(UserError.class, () -> Report.render(dir, tmp.resolve("report-out")), name);
        assertEquals(e.getMessage(), r.getMessage(), name + ": rendering fails the same way");
        assertFalse(Files.exists(tmp.resolve("report-out")), name + ": nothing written");
    }

    @Test
    void aTornLastLineIsLeftOutAndStated() {
        Path dir = ThreeBlocks.fixture().rawLine("{\"trial_id\":\"abc\",\"status\":\"o").write(tmp.resolve("r"), false);
        ResultsFolder f = ResultsFolder.read(dir);
        assertEquals(List.of("trials.jsonl: the last line is torn (a run stopped while writing it); it is left out"), f.notes());
        assertEquals(15, f.records().size(), "every planned record, failed one included");
    }

    @Test
    void aLastLineWithoutNewlineThatParsesIsKept() {
        Path dir = ThreeBlocks.write(tmp.resolve("ok"));
        Path torn = tmp.resolve("r");
        ThreeBlocks.fixture().write(torn, false);
        assertEquals(ResultsFolder.read(dir).records().keySet(), ResultsFolder.read(torn).records().keySet());
        assertEquals(List.of(), ResultsFolder.read(torn).notes());
    }

    @Test
    void unreadableLinesAreCountedAndLeftOut() {
        Path dir = ThreeBlocks.fixture().rawLine("not json at all").rawLine("[1, 2, 3]").rawLine("{\"status\": \"ok\"}")
                .rawLine("{\"trial_id\": 7, \"status\": \"ok\"}").rawLine("").write(tmp.resolve("r"));
        ResultsFolder f = ResultsFolder.read(dir);
        assertEquals(List.of("trials.jsonl: 4 unreadable lines (not a JSON trial record) left out"), f.notes());
        assertEquals(15, f.records().size(), "every planned record, failed one included");
    }

    @Test
    void recordsOfAnotherPlanAreLeftOut() {
        Path dir = ThreeBlocks.fixture().otherPlan("00000000deadbeef", Map.of("val_mse", 0.5, "test_mse", 0.5))
                .write(tmp.resolve("r"));
        ResultsFolder f = ResultsFolder.read(dir);
        assertEquals(List.of("trials.jsonl: 1 record of trials not in the current plan (an earlier version of the experiment) left out"),
                f.notes());
        assertEquals(1, f.otherPlanRecords());
        assertFalse(f.records().containsKey("00000000deadbeef"));
    }

    @Test
    void onlyRecordsOfAnotherPlanIsNoError() {
        ResultsFixture fx = new ResultsFixture(100);
        fx.plan(0, "ae", "ae", "", Map.of("hidden", "8"), 0);
        Path dir = fx.otherPlan("00000000deadbeef", Map.of("val_mse", 0.5)).write(tmp.resolve("r"));
        ResultsFolder f = ResultsFolder.read(dir);
        assertTrue(f.records().isEmpty());
        assertEquals(1, f.otherPlanRecords());
    }

    @Test
    void theFirstOfRepeatedRecordsIsUsed() throws IOException {
        Path dir = ThreeBlocks.write(tmp.resolve("r"));
        List<String> lines = Files.readAllLines(dir.resolve("trials.jsonl"));
        String first = lines.get(0);
        String changed = first.replace("\"val_mse\":0.0232", "\"val_mse\":0.9");
        assertTrue(!changed.equals(first), "the fixture's first record has val_mse 0.0232");
        Files.writeString(dir.resolve("trials.jsonl"), changed + "\n", java.nio.file.StandardOpenOption.APPEND);
        ResultsFolder f = ResultsFolder.read(dir);
        assertEquals(List.of("trials.jsonl: 1 repeated record of a trial; the first of each is used"), f.notes());
        String id = f.entries().get(0).id();
        assertEquals(0.0232, f.records().get(id).metric("val_mse"));
    }

    /** One ae block of two seeds whose records carry metrics no catalog describes. */
    private static ResultsFixture unknownMetrics() {
        ResultsFixture fx = new ResultsFixture(100);
        for (int s = 0; s < 2; s++) {
            String id = fx.plan(0, "ae", "ae", "", Map.of("hidden", "8"), s);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("val_mse", 0.02 + 0.001 * s);
            m.put("test_mse", 0.021 + 0.001 * s);
            m.put("zeta_score", 1.5 + s);
            m.put("zeta_curve", List.of(1.0, 0.5 + s));
            fx.ok(id, m);
        }
        return fx;
    }

    @Test
    void unknownMetricsAreShownWithoutUnitAndStated() throws IOException {
        Path dir = unknownMetrics().write(tmp.resolve("r"));
        Path out = tmp.resolve("report");
        Report.render(dir, out);
        String md = Files.readString(out.resolve(Report.README));
        assertTrue(md.contains("- Metrics this version does not describe (shown without unit or direction): `zeta_curve`, `zeta_score`."),
                md);
        List<List<String>> t = MarkdownTables.after(md, "## Results");
        assertTrue(t.contains(List.of("`zeta_score`", "?", "2.00 ± 0.71 (2)")), "the unknown metric's row: " + t);
        assertTrue(md.contains("![zeta_curve]") || md.contains("(figures/curve-zeta-curve.svg)"), "the unknown curve is drawn");
    }

    @Test
    void everyToleratedDamageIsStatedInTheReport() throws IOException {
        ResultsFixture fx = ThreeBlocks.fixture()
                .otherPlan("00000000deadbeef", Map.of("val_mse", 0.5))
                .rawLine("not json")
                .rawLine("{\"trial_id\":\"abc\",\"status\":\"o");
        Path dir = fx.write(tmp.resolve("r"), false);
        ResultsFolder clean = ResultsFolder.read(dir);
        String aeFirst = clean.entries().get(0).id();
        Files.writeString(dir.resolve("artifacts").resolve(aeFirst + ".json"), "{\"height\": 28, \"wid");
        Files.writeString(dir.resolve("experiment.yaml"), "name: [unclosed\n");
        Path out = tmp.resolve("report");
        Report.render(dir, out);
        String md = Files.readString(out.resolve(Report.README));
        String html = Files.readString(out.resolve(Report.HTML));
        List<String> expected = List.of(
                "trials.jsonl: the last line is torn (a run stopped while writing it); it is left out",
                "trials.jsonl: 1 unreadable line (not a JSON trial record) left out",
                "trials.jsonl: 1 record of trials not in the current plan (an earlier version of the experiment) left out",
                "experiment.yaml: unreadable (",
                "artifacts/" + aeFirst + ".json: unreadable (",
                "Metrics this version does not describe (shown without unit or direction): `knn_acc`.");
        int care = md.indexOf("**Read with care:**");
        assertTrue(care > 0, "the report has a Read with care list: " + md);
        for (String note : expected) {
            assertTrue(md.indexOf("- " + note) > care, "README states: " + note + "\n" + md);
            assertTrue(html.contains(note.replace("`knn_acc`", "<code>knn_acc</code>")), "index.html states: " + note);
        }
        assertTrue(md.contains("The experiment file has no `description:`.") , "no description from an unreadable file");
        assertTrue(md.contains("- Trials: 15 planned, 14 ok, 1 failed, 0 diverged, 0 pending."), "counts unchanged by the damage");
    }

    @Test
    void anUndamagedFolderHasNoNotes() throws IOException {
        Path out = tmp.resolve("report");
        Report.render(ThreeBlocks.write(tmp.resolve("r")), out);
        String md = Files.readString(out.resolve(Report.README));
        assertTrue(md.contains("A constructed comparison of three blocks."), "the experiment's description");
        assertTrue(md.contains("**Read with care:**"), "knn_acc is not described by this module's catalog");
        assertFalse(md.contains("trials.jsonl:"), "no note on the records");
    }
}
