package dev.aebench.perf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * A gate's outcome as JSON ({@value #FORMAT}; schema: {@value #SCHEMA_RESOURCE}, documented in
 * docs/PERFORMANCE.md). Numbers that were not measured (the p-value of a family whose speed was
 * not compared) are {@code null}, never NaN, so every JSON reader accepts the file.
 */
public final class OutcomeJson {
    public static final String FORMAT = "aebench-perf-outcome/1";
    /** The JSON schema (draft 2020-12) of the output, on the class path. */
    public static final String SCHEMA_RESOURCE = "/dev/aebench/perf/perf-outcome.schema.json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeJson() {
    }

    public static String toJson(GateOutcome o) {
        try {
            return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(o)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode tree(GateOutcome o) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("command", o.command());
        root.put("mode", o.mode());
        root.put("passed", o.passed());
        root.put("exit_code", o.exitCode());
        root.put("commit", o.commit());
        root.put("date", o.date());
        ObjectNode m = root.putObject("machine");
        m.put("cpu", o.machine());
        m.put("cpu_class", o.cpuClass());
        number(m, "fma_gflops", o.fmaGflops());
        m.put("jdk", o.jdk());
        m.put("kernels", o.kernels());
        ObjectNode ref = root.putObject("reference");
        ref.put("description", o.reference());
        ref.put("commit", o.referenceCommit());
        ObjectNode c = root.putObject("criteria");
        c.put("threshold", o.threshold());
        c.put("alpha", o.alpha());
        c.put("loss_tolerance", o.lossTolerance());
        c.put("confidence", GateOutcome.confidenceFor(o.alpha()));
        var fams = root.putArray("families");
        for (FamilyOutcome f : o.families()) {
            ObjectNode n = fams.addObject();
            n.put("family", f.family());
            n.put("passed", !f.failed());
            n.put("speed", f.speed().name().toLowerCase(Locale.ROOT));
            n.put("quality", f.quality().name().toLowerCase(Locale.ROOT));
            number(n, "base_ratio", f.baseRatio());
            number(n, "now_ratio", f.nowRatio());
            number(n, "change", f.change());
            number(n, "ratio", f.interval().estimate());
            number(n, "ratio_low", f.interval().low());
            number(n, "ratio_high", f.interval().high());
            number(n, "p_slower", f.pSlower());
            number(n, "base_loss", f.baseLoss());
            number(n, "now_loss", f.nowLoss());
            number(n, "loss_change", f.lossChange());
            n.put("base_samples", f.baseSamples());
            n.put("now_samples", f.nowSamples());
            n.put("failure", f.failure());
        }
        var notes = root.putArray("notes");
        o.notes().forEach(notes::add);
        return root;
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }
}
