package dev.aebench.perf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aebench.core.error.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the baseline JSON ({@value #FORMAT}: {@code classes.<cpu class>.modes.<mode>};
 * the older {@value #FORMAT_V1}, one set of modes without a class, is read as the sections of class
 * {@value #UNCLASSIFIED}, which is what a side of {@code perf compare} built from an older commit
 * writes). Problems with the file are
 * {@link UserError}s naming the file and the field. Writing goes through a temporary file and a
 * rename, so an interrupted update leaves the old baseline.
 */
public final class BaselineFile {
    public static final String FORMAT = "aebench-perf-baseline/2";
    public static final String FORMAT_V1 = "aebench-perf-baseline/1";
    /** The class of the sections of a {@value #FORMAT_V1} file, which did not record one. */
    public static final String UNCLASSIFIED = "unclassified";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BaselineFile() {
    }

    /** The baseline at {@code path}, or {@link Baseline#EMPTY} when there is no file. */
    public static Baseline readIfPresent(Path path) {
        return Files.exists(path) ? read(path) : Baseline.EMPTY;
    }

    public static Baseline read(Path path) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(path));
        } catch (NoSuchFileException e) {
            throw new UserError("baseline " + path + " does not exist; create it with: aebench perf check --update-baseline [--short]");
        } catch (JsonProcessingException e) {
            throw new UserError("baseline " + path + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UserError("baseline " + path + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(root, path.toString());
    }

    static Baseline parse(JsonNode root, String where) {
        if (root == null || !root.isObject()) {
            throw new UserError("baseline " + where + ": expected a JSON object");
        }
        String format = root.path("format").asText("");
        Map<String, Map<String, ModeBaseline>> classes = new LinkedHashMap<>();
        if (FORMAT_V1.equals(format)) {
            classes.put(UNCLASSIFIED, modes(root, where + " "));
        } else if (FORMAT.equals(format)) {
            JsonNode cs = object(root, "classes", where);
            for (Iterator<Map.Entry<String, JsonNode>> it = cs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                CpuClass.parse(e.getKey(), "baseline " + where + ": classes");
                classes.put(e.getKey(), modes(e.getValue(), where + " classes." + e.getKey() + "."));
            }
        } else {
            throw new UserError("baseline " + where + ": field format: expected '" + FORMAT + "', found '" + format + "'");
        }
        return new Baseline(classes);
    }

    private static Map<String, ModeBaseline> modes(JsonNode parent, String where) {
        JsonNode modes = object(parent, "modes", where.strip());
        Map<String, ModeBaseline> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = modes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), mode(e.getValue(), where + "modes." + e.getKey()));
        }
        return out;
    }

    private static ModeBaseline mode(JsonNode n, String where) {
        JsonNode p = object(n, "provenance", where);
        BaselineProvenance prov = new BaselineProvenance(p.path("commit").asText("?"), p.path("jdk").asText("?"),
                p.path("cpu").asText("?"), p.path("vector_bits").asInt(0), p.path("kernels").asText("?"), p.path("date").asText("?"),
                p.path("command").asText("?"), p.path("fma_gflops").asDouble(Double.NaN));
        JsonNode fams = object(n, "families", where);
        Map<String, FamilyBaseline> families = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fams.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String fw = where + ".families." + e.getKey();
            JsonNode f = e.getValue();
            JsonNode r = f.get("ratios");
            if (r == null || !r.isArray() || r.size() < 2) {
                throw new UserError("baseline " + fw + ": field ratios: expected an array of at least 2 numbers");
            }
            List<Double> ratios = new ArrayList<>();
            for (JsonNode x : r) {
                if (!x.isNumber() || !(x.asDouble() > 0)) {
                    throw new UserError("baseline " + fw + ": field ratios: expected positive numbers, found " + x);
                }
                ratios.add(x.asDouble());
            }
            families.put(e.getKey(), new FamilyBaseline(ratios, number(f, "final_loss", fw),
                    f.path("epoch_ms_median").asDouble(Double.NaN), f.path("calibration_ms_median").asDouble(Double.NaN)));
        }
        return new ModeBaseline(prov, (int) number(n, "threads", where), text(n, "calibration", where),
                (int) number(n, "steps", where), (int) number(n, "batch", where), (long) number(n, "seed", where), families);
    }

    private static JsonNode object(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw new UserError("baseline " + where + ": field " + field + ": expected an object");
        }
        return v;
    }

    private static double number(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new UserError("baseline " + where + ": field " + field + ": expected a number, found " + v);
        }
        return v.asDouble();
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new UserError("baseline " + where + ": field " + field + ": expected a string, found " + v);
        }
        return v.asText();
    }

    public static void write(Path path, Baseline baseline) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".perf-baseline", ".tmp");
            Files.writeString(tmp, toJson(baseline) + "\n");
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("baseline " + path + ": cannot write (" + e.getMessage() + ")");
        }
    }

    static String toJson(Baseline b) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode classes = root.putObject("classes");
        b.classes().forEach((cls, ms) -> {
            ObjectNode modes = classes.putObject(cls).putObject("modes");
            ms.forEach((name, m) -> writeMode(modes, name, m));
        });
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeMode(ObjectNode modes, String name, ModeBaseline m) {
        ObjectNode mn = modes.putObject(name);
        ObjectNode p = mn.putObject("provenance");
        p.put("commit", m.provenance().commit());
        p.put("jdk", m.provenance().jdk());
        p.put("cpu", m.provenance().cpu());
        p.put("vector_bits", m.provenance().vectorBits());
        p.put("kernels", m.provenance().kernels());
        p.put("date", m.provenance().date());
        p.put("command", m.provenance().command());
        if (Double.isFinite(m.provenance().fmaGflops())) {
            p.put("fma_gflops", round(m.provenance().fmaGflops(), 1));
        }
        mn.put("threads", m.threads());
        mn.put("calibration", m.calibration());
        mn.put("steps", m.steps());
        mn.put("batch", m.batch());
        mn.put("seed", m.seed());
        ObjectNode fams = mn.putObject("families");
        m.families().forEach((f, fb) -> {
            ObjectNode fn = fams.putObject(f);
            fn.put("final_loss", fb.finalLoss());
            fn.put("epoch_ms_median", round(fb.epochMillis(), 3));
            fn.put("calibration_ms_median", round(fb.calibrationMillis(), 3));
            ArrayNode r = fn.putArray("ratios");
            fb.ratios().forEach(x -> r.add(round(x, 6)));
        });
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double s = Math.pow(10, digits);
        return Math.round(v * s) / s;
    }
}
