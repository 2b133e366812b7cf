package dev.aebench.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.aebench.core.error.UserError;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outputs, each read back by a real consumer: a JSON-schema validator, Maven Surefire's JUnit XML parser, a JSONL reader. */
class GateOutputsTest {
    @TempDir
    Path dir;

    private static FamilyResult result(String family, double[] base, double[] now, double baseLoss, double nowLoss) {
        List<Double> r = java.util.Arrays.stream(now).boxed().toList();
        List<Double> ones = java.util.Collections.nCopies(now.length, 1.0);
        FamilySample s = new FamilySample(family, r, ones, ones, java.util.Collections.nCopies(now.length, nowLoss));
        return new FamilyResult(family, s, SpeedComparison.compare(base, now, 0.15, 0.01), QualityComparison.compare(baseLoss, s, 1e-4));
    }

    /** ae unchanged, deep 40% slower, pca's loss changed, vae not compared (another vector width). */
    static GateOutcome outcome() {
        double[] base = {2.0, 2.05, 1.95, 2.02, 1.98, 2.01, 1.99};
        double[] slow = java.util.Arrays.stream(base).map(x -> 1.4 * x).toArray();
        FamilyResult ae = result("ae", base, base.clone(), 0.014, 0.014);
        FamilyResult deep = result("deep", base, slow, 0.02, 0.02);
        FamilyResult pca = result("pca", base, base.clone(), 0.0018, 0.0019);
        FamilySample vs = new FamilySample("vae", List.of(2.0, 2.0), List.of(1.0, 1.0), List.of(1.0, 1.0), List.of(345.0, 345.0));
        FamilyResult vae = new FamilyResult("vae", vs, SpeedComparison.notCompared(new double[] {1, 1}, vs.ratioArray()),
                QualityComparison.compare(345.0, vs, 1e-4));
        List<FamilyOutcome> rows = List.of(FamilyOutcome.of(ae, base, 0.98, "the base"), FamilyOutcome.of(deep, base, 0.98, "the base"),
                FamilyOutcome.of(pca, base, 0.98, "the base"), FamilyOutcome.of(vae, new double[] {1, 1}, 0.98, "the base"));
        return new GateOutcome("compare", "short", "0123456789abcdef0123456789abcdef01234567", "2026-12-02T10:00:00Z", "AMD EPYC x2",
                "vector-512/fma-160-320", 217.5, "Eclipse Adoptium 25.0.3+9-LTS", "vector-512", "base main (89abcdef0123)",
                "89abcdef0123456789abcdef0123456789abcdef", 0.15, 0.01, 1e-4, rows, List.of("INJECTED FAULTS (demonstration): x | y"));
    }

    @Test
    void theJsonValidatesAgainstTheDocumentedSchema() throws Exception {
        String schemaText;
        try (InputStream in = getClass().getResourceAsStream(OutcomeJson.SCHEMA_RESOURCE)) {
            assertNotNull(in, OutcomeJson.SCHEMA_RESOURCE);
            schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaText, InputFormat.JSON);
        String json = OutcomeJson.toJson(outcome());
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertEquals(List.of(), errors, json);

        JsonNode n = new ObjectMapper().readTree(json);
        assertFalse(n.get("passed").asBoolean());
        assertEquals(1, n.get("exit_code").asInt());
        JsonNode deep = n.get("families").get(1);
        assertEquals("slower", deep.get("speed").asText());
        assertEquals(1.4, deep.get("ratio").asDouble(), 1e-9);
        assertTrue(deep.get("failure").asText().contains("deep is 40.0% slower than the base"), deep.toString());
        assertTrue(n.get("families").get(3).get("p_slower").isNull(), "a p-value not computed is null, not NaN");

        // the schema is not vacuous: a broken document fails it
        String broken = json.replace("\"speed\" : \"slower\"", "\"speed\" : \"sluggish\"").replace("\"exit_code\" : 1", "\"exit_code\" : \"1\"");
        assertEquals(2, schema.validate(broken, InputFormat.JSON).size(), broken);
    }

    @Test
    void surefiresParserReadsOneTestcasePerFamilyWithTheFailures() throws Exception {
        Path xml = dir.resolve("TEST-perf.xml");
        new GateOutputs(null, xml, null, null).write(outcome());
        List<ReportTestSuite> suites;
        try (InputStreamReader r = new InputStreamReader(Files.newInputStream(xml), StandardCharsets.UTF_8)) {
            suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(r);
        }
        assertEquals(1, suites.size());
        ReportTestSuite s = suites.get(0);
        assertEquals(4, s.getNumberOfTests());
        assertEquals(2, s.getNumberOfFailures());
        assertEquals(0, s.getNumberOfErrors());
        List<String> names = s.getTestCases().stream().map(ReportTestCase::getName).toList();
        assertEquals(List.of("ae", "deep", "pca", "vae"), names);
        ReportTestCase deep = s.getTestCases().get(1);
        assertTrue(deep.hasFailure());
        assertEquals("slower", deep.getFailureType());
        assertTrue(deep.getFailureMessage().matches("deep is 40\\.0% slower than the base \\(p = [0-9.e-]+\\)"), deep.getFailureMessage());
        assertTrue(s.getTestCases().get(2).getFailureMessage().contains("pca final loss changed"), s.getTestCases().get(2).toString());
        assertTrue(s.getTestCases().get(0).isSuccessful());
        assertTrue(s.getTestCases().get(3).isSuccessful());
        assertEquals("aebench.perf.compare.short", s.getTestCases().get(0).getFullClassName());
    }

    @Test
    void theMarkdownHasARowPerFamilyAndBoldFailures() {
        String md = OutcomeMarkdown.toMarkdown(outcome());
        assertTrue(md.startsWith("### aebench perf compare: FAILED (2 of 4 families)"), md);
        List<String> rows = md.lines().filter(l -> l.startsWith("| ")).toList();
        assertEquals(5, rows.size(), md);
        assertTrue(rows.get(2).startsWith("| **deep** |") && rows.get(2).contains("**+40.0%**") && rows.get(2).contains("**SLOWER**"), md);
        assertTrue(rows.get(1).startsWith("| ae |") && rows.get(1).contains("| 1.000 ["), md);
        assertTrue(md.contains("- **FAILED**: deep is 40.0% slower than the base"), md);
        assertTrue(md.contains("> INJECTED FAULTS (demonstration): x \\| y"), "pipes in notes are escaped: " + md);
        // every table row has the header's number of cells
        long cells = rows.get(0).chars().filter(c -> c == '|').count();
        rows.forEach(r -> assertEquals(cells, r.replace("\\|", "").chars().filter(c -> c == '|').count(), r));
    }

    @Test
    void historyLinesAppendAndReadBack() {
        Path h = dir.resolve("hist/perf.jsonl");
        GateOutputs out = new GateOutputs(null, null, null, h);
        out.write(outcome());
        out.write(outcome());
        List<PerfHistory.Entry> e = PerfHistory.read(h);
        assertEquals(2, e.size());
        PerfHistory.Point deep = e.get(1).families().get("deep");
        assertEquals(1.4 * 2.0, deep.ratio(), 1e-9);
        assertEquals(0.4, deep.change(), 1e-9);
        assertEquals("vector-512/fma-160-320", e.get(0).cpuClass());
        assertTrue(Double.isNaN(e.get(0).families().get("vae").pSlower()));
    }

    @Test
    void aDirtyTreeMayNotWriteHistoryAndBadLinesNameTheLine() throws Exception {
        Path h = dir.resolve("perf.jsonl");
        GateOutputs out = new GateOutputs(null, null, null, h);
        UserError e = assertThrows(UserError.class, () -> out.validate("abc-dirty"));
        assertTrue(e.getMessage().startsWith("--history " + h + ": the working tree has uncommitted changes"), e.getMessage());
        new GateOutputs(dir.resolve("a.json"), null, null, null).validate("abc-dirty");
        Files.writeString(h, PerfHistory.line(outcome()) + "\n{\"format\": \"aebench-perf-history/1\", \"families\": {\"ae\": {\"ratio\": -1}}}\n");
        e = assertThrows(UserError.class, () -> PerfHistory.read(h));
        assertTrue(e.getMessage().contains("line 2: field families.ae.ratio"), e.getMessage());
        assertNull(GateOutputs.NONE.json());
    }
}
