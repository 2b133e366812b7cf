package dev.aebench.report.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aebench.core.error.UserError;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A results folder as {@code aebench run} leaves it, read without any model: {@code plan.json}
 * (the plan of the latest run: blocks, configurations, seeds, validation split, selection
 * criterion, data), {@code trials.jsonl} (one record per finished trial), {@code experiment.yaml}
 * (the file as run, for its {@code description}) and {@code artifacts/ID.json}.
 *
 * <p>A missing or empty folder, one that is not a results folder, or one without a single
 * readable record is a {@link UserError}. Lesser damage is tolerated and listed in
 * {@link #notes()}: a torn last line, unreadable lines, records of another plan, duplicate
 * records, an unreadable experiment file or artifact.
 */
public final class ResultsFolder {
    public static final String PLAN = "plan.json";
    public static final String TRIALS = "trials.jsonl";
    public static final String EXPERIMENT = "experiment.yaml";
    public static final String ARTIFACTS = "artifacts";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final String experiment;
    private final String description;
    private final int validation;
    private final String select;
    private final JsonNode data;
    private final List<PlanEntry> entries;
    private final Map<String, TrialRecord> records;
    private final int otherPlanRecords;
    private final List<String> notes;

    private ResultsFolder(Path dir, String experiment, String description, int validation, String select, JsonNode data,
                          List<PlanEntry> entries, Map<String, TrialRecord> records, int otherPlanRecords,
                          List<String> notes) {
        this.dir = dir;
        this.experiment = experiment;
        this.description = description;
        this.validation = validation;
        this.select = select;
        this.data = data;
        this.entries = List.copyOf(entries);
        this.records = records;
        this.otherPlanRecords = otherPlanRecords;
        this.notes = List.copyOf(notes);
    }

    public static ResultsFolder read(Path dir) {
        if (!Files.exists(dir)) {
            throw new UserError(dir + ": no such results folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": expected a results folder (the output of aebench run), found a file");
        }
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isEmpty()) {
                throw new UserError(dir + ": expected a results folder with " + PLAN + " and " + TRIALS + ", found an empty folder");
            }
        } catch (IOException e) {
            throw new UserError(dir + ": cannot read the folder (" + e.getMessage() + ")");
        }
        Path planFile = dir.resolve(PLAN);
        Path trialsFile = dir.resolve(TRIALS);
        if (!Files.isRegularFile(planFile)) {
            throw new UserError(dir + ": expected a results folder of aebench run, found no " + PLAN
                    + (Files.isRegularFile(trialsFile) ? " beside " + TRIALS : " and no " + TRIALS));
        }
        List<String> notes = new ArrayList<>();
        JsonNode plan;
        try {
            plan = MAPPER.readTree(planFile.toFile());
            if (plan == null || !plan.isObject() || !plan.path("entries").isArray() || !plan.path("experiment").isTextual()) {
                throw new IOException("no experiment and entries");
            }
        } catch (IOException e) {
            throw new UserError(planFile + ": expected a plan written by aebench run, found unreadable content ("
                    + oneLine(e.getMessage()) + ")");
        }
        List<PlanEntry> entries = new ArrayList<>();
        for (JsonNode t : plan.get("entries")) {
            entries.add(entry(planFile, t));
        }
        if (!Files.isRegularFile(trialsFile)) {
            throw new UserError(trialsFile + ": expected the trial records of aebench run, found no such file");
        }
        Set<String> planned = new HashSet<>();
        entries.forEach(e -> planned.add(e.id()));
        Map<String, TrialRecord> records = new LinkedHashMap<>();
        int other = readTrials(trialsFile, planned, records, notes);
        if (records.isEmpty() && other == 0) {
            throw new UserError(trialsFile + ": expected at least one readable trial record, found none");
        }
        String description = description(dir.resolve(EXPERIMENT), notes);
        return new ResultsFolder(dir, plan.get("experiment").asText(), description, plan.path("validation").asInt(0),
                plan.path("select").asText("val_mse"), plan.path("data"), entries, records, other, notes);
    }

    private static PlanEntry entry(Path planFile, JsonNode t) {
        try {
            Map<String, String> params = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = t.get("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            return new PlanEntry(t.get("id").asText(), t.get("config_id").asText(), t.get("block").asInt(),
                    t.get("block_label").asText(), t.path("varying").asText(""), t.get("model").asText(), params,
                    t.get("seed").asLong(), t.get("epochs").asInt(), t.path("probe").asBoolean(true),
                    t.path("validation").asInt(0));
        } catch (RuntimeException e) {
            throw new UserError(planFile + ": expected plan entries with id, config_id, block, block_label, model, "
                    + "params, seed and epochs, found " + oneLine(String.valueOf(t)));
        }
    }

    /** Fills {@code records} with the first record of each planned id; returns the count of other plans' records. */
    private static int readTrials(Path file, Set<String> planned, Map<String, TrialRecord> records, List<String> notes) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + oneLine(e.getMessage()) + ")");
        }
        String[] lines = text.split("\n", -1);
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        int unreadable = 0;
        int duplicates = 0;
        Set<String> otherIds = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            boolean last = i == lines.length - 1;
            Optional<TrialRecord> r;
            try {
                JsonNode n = MAPPER.readTree(line);
                r = n != null && n.isObject() ? RecordParser.parse(n) : Optional.empty();
            } catch (JsonProcessingException e) {
                r = Optional.empty();
            }
            if (r.isEmpty()) {
                if (last && torn) {
                    notes.add(TRIALS + ": the last line is torn (a run stopped while writing it); it is left out");
                } else {
                    unreadable++;
                }
                continue;
            }
            TrialRecord rec = r.get();
            if (!planned.contains(rec.id())) {
                otherIds.add(rec.id());
            } else if (records.putIfAbsent(rec.id(), rec) != null) {
                duplicates++;
            }
        }
        if (unreadable > 0) {
            notes.add(TRIALS + ": " + unreadable + " unreadable line" + (unreadable == 1 ? "" : "s")
                    + " (not a JSON trial record) left out");
        }
        if (duplicates > 0) {
            notes.add(TRIALS + ": " + duplicates + " repeated record" + (duplicates == 1 ? "" : "s")
                    + " of a trial; the first of each is used");
        }
        if (!otherIds.isEmpty()) {
            notes.add(TRIALS + ": " + otherIds.size() + " record" + (otherIds.size() == 1 ? "" : "s")
                    + " of trials not in the current plan (an earlier version of the experiment) left out");
        }
        return otherIds.size();
    }

    private static String description(Path file, List<String> notes) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            LoaderOptions options = new LoaderOptions();
            Object root = new Yaml(new SafeConstructor(options)).load(Files.readString(file, StandardCharsets.UTF_8));
            if (root instanceof Map<?, ?> m && m.get("description") instanceof String d && !d.isBlank()) {
                return d.strip();
            }
            return null;
        } catch (IOException | YAMLException e) {
            notes.add(EXPERIMENT + ": unreadable (" + oneLine(e.getMessage()) + "); no description shown");
            return null;
        }
    }

    /** The artifact of a trial, if the runner wrote one; an unreadable one is noted and skipped. */
    public Optional<TrialArtifact> artifact(String trialId) {
        Path f = dir.resolve(ARTIFACTS).resolve(trialId + ".json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrialArtifact.fromJson(MAPPER.readTree(f.toFile())));
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                String note = ARTIFACTS + "/" + trialId + ".json: unreadable (" + oneLine(e.getMessage()) + "); left out";
                if (!extraNotes.contains(note)) {
                    extraNotes.add(note);
                }
            }
            return Optional.empty();
        }
    }

    private final List<String> extraNotes = new ArrayList<>();

    public Path dir() {
        return dir;
    }

    public String experiment() {
        return experiment;
    }

    /** The experiment file's {@code description}, or null. */
    public String description() {
        return description;
    }

    public int validation() {
        return validation;
    }

    /** The selection criterion's metric name ({@code val_mse} or {@code val_probe_acc}). */
    public String select() {
        return select;
    }

    /** The plan's data object (dir, fingerprint, train_images, height, width). */
    public JsonNode data() {
        return data;
    }

    public List<PlanEntry> entries() {
        return entries;
    }

    /** Records of planned trials, by id. */
    public Map<String, TrialRecord> records() {
        return records;
    }

    public int otherPlanRecords() {
        return otherPlanRecords;
    }

    /** What was tolerated while reading, in reading order. */
    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        all.addAll(extraNotes);
        return all;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
