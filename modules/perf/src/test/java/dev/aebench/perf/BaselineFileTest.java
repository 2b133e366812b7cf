package dev.aebench.perf;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineFileTest {
    @TempDir
    Path dir;

    private static ModeBaseline section(double loss) {
        BaselineProvenance p = new BaselineProvenance("abc", "jdk", "cpu", 512, "vector-512", "2025-01-01T00:00:00Z", "aebench perf check --short");
        return new ModeBaseline(p, 2, CalibrationKernel.ID, WorkloadMode.SHORT.steps(), 128, 0,
                Map.of("ae", new FamilyBaseline(List.of(1.5, 1.6, 1.55), loss, 200.5, 12.25)));
    }

    @Test
    void roundTripsExactly() {
        Path f = dir.resolve("ci/perf-baseline.json");
        double loss = 0.018652714323997498;
        Baseline b = Baseline.EMPTY.with(TestClasses.ID, WorkloadMode.SHORT, section(loss));
        BaselineFile.write(f, b);
        Baseline back = BaselineFile.read(f);
        ModeBaseline s = back.mode(TestClasses.ID, WorkloadMode.SHORT).orElseThrow();
        assertEquals(loss, s.families().get("ae").finalLoss());
        assertEquals(List.of(1.5, 1.6, 1.55), s.families().get("ae").ratios());
        assertEquals(2, s.threads());
        assertEquals("aebench perf check --short", s.provenance().command());
        assertTrue(back.mode(TestClasses.ID, WorkloadMode.FULL).isEmpty());
    }

    @Test
    void updatingOneModeKeepsTheOther() {
        Baseline b = Baseline.EMPTY.with(TestClasses.ID, WorkloadMode.FULL, section(1)).with(TestClasses.ID, WorkloadMode.SHORT, section(2));
        Baseline c = b.with(TestClasses.ID, WorkloadMode.SHORT, section(3));
        assertEquals(1, c.mode(TestClasses.ID, WorkloadMode.FULL).orElseThrow().families().get("ae").finalLoss());
        assertEquals(3, c.mode(TestClasses.ID, WorkloadMode.SHORT).orElseThrow().families().get("ae").finalLoss());
    }

    @Test
    void missingFileSaysHowToCreateIt() {
        UserError e = assertThrows(UserError.class, () -> BaselineFile.read(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("--update-baseline"), e.getMessage());
        assertEquals(Baseline.EMPTY, BaselineFile.readIfPresent(dir.resolve("none.json")));
    }

    @Test
    void malformedFilesNameTheField() throws Exception {
        Path f = dir.resolve("b.json");
        Files.writeString(f, "{ not json");
        assertTrue(assertThrows(UserError.class, () -> BaselineFile.read(f)).getMessage().contains("not valid JSON"));
        Files.writeString(f, "{\"format\": \"other\"}");
        assertTrue(assertThrows(UserError.class, () -> BaselineFile.read(f)).getMessage().contains("field format"));
        String good = BaselineFile.toJson(Baseline.EMPTY.with(TestClasses.ID, WorkloadMode.SHORT, section(1)));
        Files.writeString(f, good.replace("\"final_loss\" : 1.0", "\"final_loss\" : \"x\""));
        UserError e = assertThrows(UserError.class, () -> BaselineFile.read(f));
        assertTrue(e.getMessage().contains("classes." + TestClasses.ID + ".modes.short.families.ae: field final_loss"), e.getMessage());
    }

    @Test
    void aFormatOneFileReadsAsTheUnclassifiedSections() throws Exception {
        Path f = dir.resolve("old.json");
        String v2 = BaselineFile.toJson(Baseline.EMPTY.with(TestClasses.ID, WorkloadMode.SHORT, section(0.5)));
        com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(v2);
        com.fasterxml.jackson.databind.node.ObjectNode v1 = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        v1.put("format", BaselineFile.FORMAT_V1);
        v1.set("modes", n.get("classes").get(TestClasses.ID).get("modes"));
        Files.writeString(f, v1.toString());
        Baseline b = BaselineFile.read(f);
        assertEquals(java.util.Set.of(BaselineFile.UNCLASSIFIED), b.classes().keySet());
        assertEquals(0.5, b.mode(BaselineFile.UNCLASSIFIED, WorkloadMode.SHORT).orElseThrow().families().get("ae").finalLoss());
        assertEquals(3, ForkedSideRunner.read(f, WorkloadMode.SHORT).get("ae").ratios().size());
    }

    @Test
    void aMalformedClassKeyIsRefused() throws Exception {
        Path f = dir.resolve("b.json");
        Files.writeString(f, BaselineFile.toJson(Baseline.EMPTY.with(TestClasses.ID, WorkloadMode.SHORT, section(1))).replace(TestClasses.ID, "zen5"));
        UserError e = assertThrows(UserError.class, () -> BaselineFile.read(f));
        assertTrue(e.getMessage().contains("classes: expected a CPU class"), e.getMessage());
    }
}
