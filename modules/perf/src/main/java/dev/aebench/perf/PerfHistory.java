package dev.aebench.perf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aebench.core.error.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run history ({@code --history FILE}): one JSON object per line ({@value #FORMAT}) with the
 * command, date, commit, machine, CPU class, mode, verdict and, per family, the measured ratio
 * (calibrated epoch time, comparable between runs on one CPU class), the reference's ratio, the
 * change and the p-value. Appending writes one whole line at a time, so a history survives an
 * interrupted run; reading skips nothing silently: a malformed line is a {@link UserError}
 * naming the file and line.
 */
public final class PerfHistory {
    public static final String FORMAT = "aebench-perf-history/1";

    private PerfHistory() {
    }

    /** One run of the history. */
    public record Entry(String command, String date, String commit, String machine, String cpuClass, String mode, boolean passed,
                        Map<String, Point> families) {
        public Entry {
            families = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(families));
        }
    }

    /** One family in one run: the ratio measured, the reference's, the change and the p-value (NaN when absent). */
    public record Point(double ratio, double baseRatio, double change, double pSlower) {
    }

    public static String line(GateOutcome o) {
        ObjectNode n = OutcomeJson.MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("command", o.command());
        n.put("date", o.date());
        n.put("commit", o.commit());
        n.put("machine", o.machine());
        n.put("cpu_class", o.cpuClass());
        n.put("mode", o.mode());
        n.put("passed", o.passed());
        ObjectNode fams = n.putObject("families");
        for (FamilyOutcome f : o.families()) {
            ObjectNode p = fams.putObject(f.family());
            put(p, "ratio", f.nowRatio());
            put(p, "base_ratio", f.baseRatio());
            put(p, "change", f.change());
            put(p, "p_slower", f.pSlower());
        }
        try {
            return OutcomeJson.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void append(Path file, GateOutcome o) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, line(o) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UserError("--history " + file + ": cannot append (" + e.getMessage() + ")");
        }
    }

    public static List<Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("history " + file + " does not exist; write one with: aebench perf check|compare ... --history " + file);
        } catch (IOException e) {
            throw new UserError("history " + file + ": cannot read (" + e.getMessage() + ")");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out.add(parse(lines.get(i), file + " line " + (i + 1)));
            }
        }
        return out;
    }

    static Entry parse(String line, String where) {
        JsonNode n;
        try {
            n = OutcomeJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UserError("history " + where + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (n == null || !n.isObject() || !FORMAT.equals(n.path("format").asText())) {
            throw new UserError("history " + where + ": field format: expected '" + FORMAT + "', found " + (n == null ? "nothing" : n.get("format")));
        }
        JsonNode fams = n.get("families");
        if (fams == null || !fams.isObject()) {
            throw new UserError("history " + where + ": field families: expected an object");
        }
        Map<String, Point> points = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fams.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode r = e.getValue().get("ratio");
            if (r == null || !r.isNumber() || !(r.asDouble() > 0)) {
                throw new UserError("history " + where + ": field families." + e.getKey() + ".ratio: expected a positive number, found " + r);
            }
            points.put(e.getKey(), new Point(r.asDouble(), num(e.getValue(), "base_ratio"), num(e.getValue(), "change"),
                    num(e.getValue(), "p_slower")));
        }
        return new Entry(n.path("command").asText("?"), n.path("date").asText("?"), n.path("commit").asText("?"),
                n.path("machine").asText("?"), n.path("cpu_class").asText("?"), n.path("mode").asText("?"), n.path("passed").asBoolean(),
                points);
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static void put(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }
}
