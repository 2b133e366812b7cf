package dev.aebench.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesTest {

    @TempDir
    Path dir;

    private static Map<String, Object> record(int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "ae");
        m.put("seed", i);
        m.put("test_mse", 0.01 * i);
        m.put("name", "line \"" + i + "\"\nwith a newline inside a string");
        m.put("loss_curve", List.of(0.5, 0.25, 0.125));
        return m;
    }

    private static void checkRecord(JsonNode n, int i) {
        assertEquals("ae", n.get("model").asText());
        assertEquals(i, n.get("seed").asInt());
        assertEquals(0.01 * i, n.get("test_mse").asDouble(), 0.0);
        assertEquals("line \"" + i + "\"\nwith a newline inside a string", n.get("name").asText());
        assertEquals(3, n.get("loss_curve").size());
        assertEquals(0.125, n.get("loss_curve").get(2).asDouble(), 0.0);
    }

    @Test
    void appendThenReadRoundTrips() throws IOException {
        Path file = dir.resolve("sub/dir/results.jsonl"); // parent folders are created
        for (int i = 0; i < 5; i++) {
            JsonLines.append(file, record(i));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(5, lines.size(), "one line per record, even with newlines in strings");
        assertTrue(Files.readString(file).endsWith("\n"));
        List<JsonNode> read = JsonLines.read(file);
        assertEquals(5, read.size());
        for (int i = 0; i < 5; i++) {
            checkRecord(read.get(i), i);
        }
    }

    @Test
    void readingAMissingFileGivesNothing() {
        assertTrue(JsonLines.read(dir.resolve("none.jsonl")).isEmpty());
    }

    @Test
    void tornLastLineIsSkippedAndAppendRecovers() throws IOException {
        Path file = dir.resolve("results.jsonl");
        JsonLines.append(file, record(0));
        JsonLines.append(file, record(1));
        String whole = JsonLines.toLine(record(2));
        String half = whole.substring(0, whole.length() / 2);
        Files.writeString(file, half, StandardCharsets.UTF_8, StandardOpenOption.APPEND); // a crash mid-write
        List<JsonNode> read = JsonLines.read(file);
        assertEquals(2, read.size(), "the torn line is skipped");
        checkRecord(read.get(0), 0);
        checkRecord(read.get(1), 1);

        JsonLines.append(file, record(3));
        List<JsonNode> after = JsonLines.read(file);
        assertEquals(3, after.size(), "every complete record is readable after the next append");
        checkRecord(after.get(0), 0);
        checkRecord(after.get(1), 1);
        checkRecord(after.get(2), 3);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(4, lines.size(), "the torn line was terminated, not glued to the new record");
        assertEquals(half, lines.get(2));

        JsonLines.append(file, record(4));
        assertEquals(4, JsonLines.read(file).size());
    }

    @Test
    void corruptAndNonObjectLinesAreSkipped() throws IOException {
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, "\n[1,2,3]\n{\"seed\": 1}\nnot json\n   \n\"text\"\n");
        JsonLines.append(file, Map.of("seed", 2));
        List<JsonNode> read = JsonLines.read(file);
        assertEquals(2, read.size());
        assertEquals(1, read.get(0).get("seed").asInt());
        assertEquals(2, read.get(1).get("seed").asInt());
    }

    @Test
    void toLineIsOneLine() {
        String line = JsonLines.toLine(record(7));
        assertFalse(line.contains("\n"));
        assertTrue(line.startsWith("{\"model\":\"ae\""), "keeps insertion order: " + line);
    }
}
