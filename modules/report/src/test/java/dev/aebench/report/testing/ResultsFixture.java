package dev.aebench.report.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A results folder written field by field in the shape {@code aebench run} leaves it:
 * {@code plan.json} (experiment, validation, select, data, entries), {@code trials.jsonl} (one
 * record per trial: identity, model, params, seed, the nested {@code metrics} and {@code time}
 * objects, provenance, validation, probe, wall_sec; failed trials with {@code error}),
 * {@code experiment.yaml} and {@code artifacts/ID.json} (4-bit grayscale PNG strips, 2-D codes).
 */
public final class ResultsFixture {
    public static final String EXPERIMENT = "fixture";
    public static final int IMAGE_SIZE = 28;
    public static final int CLASSES = 10;
    public static final int IMAGES_PER_CLASS = 2;
    public static final int CODES_PER_CLASS = 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Map<String, Object>> entries = new ArrayList<>();
    private final Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final Map<String, String> artifacts = new LinkedHashMap<>();
    private final int validation;
    private String description = "A constructed comparison of three blocks.";

    public ResultsFixture(int validation) {
        this.validation = validation;
    }

    public ResultsFixture description(String d) {
        this.description = d;
        return this;
    }

    /** Adds a plan entry; returns its trial id. */
    public String plan(int block, String label, String model, String varying, Map<String, String> params, long seed) {
        String id = String.format(Locale.ROOT, "%016x", (long) (block + "/" + varying + "/" + seed).hashCode() * 0x9E3779B97F4A7C15L);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("config_id", configId(block, varying));
        e.put("block", block);
        e.put("block_label", label);
        e.put("varying", varying);
        e.put("model", model);
        e.put("params", new LinkedHashMap<>(params));
        e.put("seed", seed);
        e.put("seed_index", seed);
        e.put("epochs", 2);
        e.put("probe", false);
        e.put("validation", validation);
        e.put("metrics", "default");
        entries.add(e);
        byId.put(id, e);
        return id;
    }

    private static String configId(int block, String varying) {
        return String.format(Locale.ROOT, "%012x", ((long) (block + ":" + varying).hashCode() & 0xffffffffL) * 4099L);
    }

    /** An ok record with these metrics (numbers or lists of numbers). */
    public ResultsFixture ok(String id, Map<String, Object> metrics) {
        lines.add(line(record(id, "ok", metrics, null)));
        return this;
    }

    /** A failed (or diverged) record with an error. */
    public ResultsFixture notOk(String id, String status, String error) {
        lines.add(line(record(id, status, null, error)));
        return this;
    }

    /** A record of a trial that is not in the plan (an earlier version of the experiment). */
    public ResultsFixture otherPlan(String id, Map<String, Object> metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_id", id);
        m.put("status", "ok");
        m.put("experiment", EXPERIMENT);
        m.put("block", "old");
        m.put("config_id", "000000000000");
        m.put("model", "ae");
        m.put("params", Map.of("hidden", "32"));
        m.put("seed", 0);
        m.put("epochs", 1);
        m.put("metrics", metrics);
        m.put("validation", validation);
        m.put("probe", false);
        m.put("wall_sec", 1.0);
        lines.add(line(m));
        return this;
    }

    /** Any text as a line of trials.jsonl. */
    public ResultsFixture rawLine(String text) {
        lines.add(text);
        return this;
    }

    private Map<String, Object> record(String id, String status, Map<String, Object> metrics, String error) {
        Map<String, Object> e = byId.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no plan entry " + id);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_id", id);
        m.put("status", status);
        m.put("experiment", EXPERIMENT);
        m.put("block", e.get("block_label"));
        m.put("config_id", e.get("config_id"));
        m.put("model", e.get("model"));
        m.put("params", e.get("params"));
        m.put("seed", e.get("seed"));
        m.put("epochs", e.get("epochs"));
        if (metrics != null) {
            m.put("metrics", metrics);
            Map<String, Object> time = new LinkedHashMap<>();
            time.put("jvm_to_trial_sec", 2.0);
            time.put("train_sec", 3.5);
            time.put("eval_sec", 0.25);
            m.put("time", time);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("config", e.get("params"));
            p.put("seed", e.get("seed"));
            p.put("data", "c59f468a2f67bad3/5b4141f0afba0402");
            p.put("commit", "0123456789abcdef0123456789abcdef01234567");
            p.put("jdk", "Eclipse Adoptium 25.0.3+9-LTS");
            p.put("cpu", "AMD EPYC x2");
            p.put("threads", 2);
            p.put("kernels", "vector-512");
            p.put("libraries", Map.of("aebench", "0.1.0-SNAPSHOT"));
            p.put("started", String.format(Locale.ROOT, "2026-12-02T12:%02d:00Z", lines.size()));
            m.put("provenance", p);
        }
        if (error != null) {
            m.put("error", error);
        }
        m.put("validation", validation);
        m.put("probe", false);
        m.put("wall_sec", 4.25);
        return m;
    }

    /** Writes an artifact for a trial: strips of 20 images, corrupted/denoised ones when {@code corrupting}. */
    public ResultsFixture artifact(String id, boolean corrupting) {
        return artifact(id, corrupting, null);
    }

    /** As {@link #artifact(String, boolean)}, with a displacement field ({@code field}, as the runner writes it) unless null. */
    public ResultsFixture artifact(String id, boolean corrupting, Map<String, Object> field) {
        int n = CLASSES * IMAGES_PER_CLASS;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i / IMAGES_PER_CLASS;
        }
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("indices", labels);
        images.put("labels", labels);
        images.put("original", strip(n, 0));
        images.put("reconstruction", strip(n, 1));
        images.put("corruption", corrupting ? "mask:0.3" : null);
        if (corrupting) {
            images.put("corrupted", strip(n, 2));
            images.put("denoised", strip(n, 3));
        }
        int k = CLASSES * CODES_PER_CLASS;
        int[] codeLabels = new int[k];
        double[] x = new double[k];
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            codeLabels[i] = i / CODES_PER_CLASS;
            double angle = 2 * Math.PI * codeLabels[i] / CLASSES;
            x[i] = Math.round((3 * Math.cos(angle) + 0.05 * (i % CODES_PER_CLASS)) * 1e4) / 1e4;
            y[i] = Math.round((3 * Math.sin(angle) - 0.04 * (i % 7)) * 1e4) / 1e4;
        }
        Map<String, Object> codes = new LinkedHashMap<>();
        codes.put("indices", codeLabels);
        codes.put("labels", codeLabels);
        codes.put("x", x);
        codes.put("y", y);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("height", IMAGE_SIZE);
        a.put("width", IMAGE_SIZE);
        a.put("images", images);
        a.put("codes_2d", codes);
        if (field != null) {
            a.put("field", field);
        }
        artifacts.put(id, line(a) + "\n");
        return this;
    }

    /** Any text as a trial's artifact file. */
    public ResultsFixture rawArtifact(String id, String text) {
        artifacts.put(id, text);
        return this;
    }

    private static String strip(int n, int kind) {
        byte[] v = new byte[16];
        for (int i = 0; i < 16; i++) {
            v[i] = (byte) Math.round(i * 255.0 / 15);
        }
        BufferedImage img = new BufferedImage(n * IMAGE_SIZE, IMAGE_SIZE, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(4, 16, v, v, v));
        WritableRaster r = img.getRaster();
        for (int i = 0; i < n; i++) {
            for (int yy = 0; yy < IMAGE_SIZE; yy++) {
                for (int xx = 0; xx < IMAGE_SIZE; xx++) {
                    double dx = xx - 13.5;
                    double dy = yy - 13.5;
                    double level = Math.max(0, 15 - Math.sqrt(dx * dx + dy * dy) * (1 + (i % 5) * 0.2) + kind * ((xx + yy) % 3));
                    r.setSample(i * IMAGE_SIZE + xx, yy, 0, (int) Math.min(15, Math.round(level)));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** Writes plan.json, trials.jsonl (each line ending in a newline), experiment.yaml and artifacts into {@code dir}. */
    public Path write(Path dir) {
        return write(dir, true);
    }

    /** As {@link #write(Path)}; without {@code finalNewline} the last line of trials.jsonl ends without one (torn). */
    public Path write(Path dir, boolean finalNewline) {
        try {
            Files.createDirectories(dir.resolve("artifacts"));
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("experiment", EXPERIMENT);
            plan.put("validation", validation);
            plan.put("select", "val_mse");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("dir", "/usr/share/datasets/fashion-mnist");
            data.put("fingerprint", "sha256:24b3e83ff6d8d492");
            data.put("train_images", 60000);
            data.put("height", IMAGE_SIZE);
            data.put("width", IMAGE_SIZE);
            plan.put("data", data);
            plan.put("entries", entries);
            Files.writeString(dir.resolve("plan.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plan) + "\n");
            String text = String.join("\n", lines);
            Files.writeString(dir.resolve("trials.jsonl"), lines.isEmpty() ? "" : finalNewline ? text + "\n" : text,
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("experiment.yaml"), "name: " + EXPERIMENT + "\ndescription: " + description
                    + "\nvalidation: " + validation + "\nmodels:\n  - {model: ae}\n");
            for (Map.Entry<String, String> a : artifacts.entrySet()) {
                Files.writeString(dir.resolve("artifacts").resolve(a.getKey() + ".json"), a.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(Map<String, Object> m) {
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
