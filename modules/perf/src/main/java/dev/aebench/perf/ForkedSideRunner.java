package dev.aebench.perf;

import dev.aebench.core.error.UserError;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a side in a fresh JVM through the one interface every revision of the gate has:
 * {@code perf check --update-baseline --baseline TMP [--short] [--families ..] --repeats N --quiet},
 * then reads the ratios and final losses from the baseline file it wrote (format 1 or 2). So a
 * base commit from before {@code perf compare} existed can be measured, and both sides run exactly
 * the measuring code of their own revision.
 */
public final class ForkedSideRunner implements SideRunner {
    private final Path launcher;
    private final String mainClass;
    private final Path scratch;

    /**
     * @param java      the java launcher
     * @param mainClass the CLI's main class ({@code dev.aebench.runner.cli.Main})
     * @param scratch   folder for the temporary baseline files and logs (deleted by the caller)
     */
    public ForkedSideRunner(Path java, String mainClass, Path scratch) {
        this.launcher = java;
        this.mainClass = mainClass;
        this.scratch = scratch;
    }

    /** The java launcher of the running JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @Override
    public Map<String, FamilySample> run(CompareSide side, WorkloadMode mode, List<String> families, int repeats) {
        try {
            Path out = Files.createTempFile(scratch, side.name() + "-", ".json");
            Files.delete(out);
            Path log = Files.createTempFile(scratch, side.name() + "-", ".log");
            List<String> cmd = command(side, mode, families, repeats, out);
            Process p = new ProcessBuilder(cmd).directory(side.tree().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            int exit;
            try {
                exit = p.waitFor();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new UserError("interrupted while measuring the " + side.name() + " side");
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (exit != 0 || !Files.exists(out)) {
                throw new UserError("the " + side.name() + " side (" + BaseBuild.shortSha(side.commit()) + ") failed to measure: exit " + exit
                        + ": " + lastLine(text));
            }
            Map<String, FamilySample> samples = read(out, mode);
            Files.deleteIfExists(out);
            Files.deleteIfExists(log);
            return samples;
        } catch (IOException e) {
            throw new UserError("perf compare: cannot run the " + side.name() + " side (" + e.getMessage() + ")");
        }
    }

    List<String> command(CompareSide side, WorkloadMode mode, List<String> families, int repeats, Path out) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.toString());
        cmd.addAll(side.jvmArgs());
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, side.classpath()));
        cmd.add(mainClass);
        cmd.addAll(List.of("perf", "check", "--update-baseline", "--baseline", out.toAbsolutePath().toString(), "--repeats",
                Integer.toString(repeats), "--quiet"));
        if (mode == WorkloadMode.SHORT) {
            cmd.add("--short");
        }
        if (!families.isEmpty()) {
            cmd.add("--families");
            cmd.add(String.join(",", families));
        }
        return cmd;
    }

    /** The samples of the {@code mode} section of a baseline file that holds one class (any format). */
    static Map<String, FamilySample> read(Path file, WorkloadMode mode) {
        Baseline b = BaselineFile.read(file);
        Optional<ModeBaseline> section = b.classes().values().stream().map(m -> m.get(mode.label())).filter(java.util.Objects::nonNull)
                .findFirst();
        ModeBaseline s = section.orElseThrow(() -> new UserError("perf compare: " + file + " has no '" + mode.label() + "' section"));
        Map<String, FamilySample> out = new LinkedHashMap<>();
        s.families().forEach((f, fb) -> {
            int n = fb.ratios().size();
            out.put(f, new FamilySample(f, fb.ratios(), java.util.Collections.nCopies(n, fb.epochMillis()),
                    java.util.Collections.nCopies(n, fb.calibrationMillis()), java.util.Collections.nCopies(n, fb.finalLoss())));
        });
        return out;
    }

    /** The most telling line of a failed side's output: its own error line, else the first exception, else the last line. */
    static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("WARNING:")).map(String::strip).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("aebench:") || lines.get(i).startsWith("perf check: NOT")) {
                return lines.get(i);
            }
        }
        return lines.stream().filter(l -> l.contains("Exception") || l.contains("Error")).findFirst()
                .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
    }
}
