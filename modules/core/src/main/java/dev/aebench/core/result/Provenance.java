package dev.aebench.core.result;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a result came from: the resolved configuration, seed, data fingerprint, git commit,
 * JDK, CPU model, thread count, kernel implementation, library versions and start time.
 */
public record Provenance(Map<String, String> config, long seed, String data, String commit, String jdk,
                         String cpu, int threads, String kernels, Map<String, String> libraries, String started) {
    public Provenance {
        config = Map.copyOf(new LinkedHashMap<>(config));
        libraries = Map.copyOf(libraries);
    }

    /** Provenance of a run starting now on this machine. */
    public static Provenance capture(Map<String, String> config, long seed, String data, int threads, String kernels) {
        return new Provenance(new LinkedHashMap<>(config), seed, data, gitCommit(), currentJdk(), cpuModel(), threads, kernels,
                libraryVersions(), Instant.now().toString());
    }

    static String currentJdk() {
        return System.getProperty("java.vendor", "?") + " " + System.getProperty("java.runtime.version", System.getProperty("java.version"));
    }

    /** The commit: system property {@code aebench.commit} (set by the launcher), else .git in the working directory. */
    static String gitCommit() {
        String prop = System.getProperty("aebench.commit");
        if (prop != null && !prop.isBlank()) {
            return prop;
        }
        try {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null && !Files.isDirectory(dir.resolve(".git"))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                return "unknown";
            }
            Path git = dir.resolve(".git");
            String head = Files.readString(git.resolve("HEAD")).trim();
            if (head.startsWith("ref: ")) {
                Path ref = git.resolve(head.substring(5));
                if (Files.isRegularFile(ref)) {
                    return Files.readString(ref).trim();
                }
                Path packed = git.resolve("packed-refs");
                if (Files.isRegularFile(packed)) {
                    for (String line : Files.readAllLines(packed)) {
                        if (line.endsWith(" " + head.substring(5))) {
                            return line.substring(0, line.indexOf(' '));
                        }
                    }
                }
                return "unknown";
            }
            return head;
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim() + " x" + Runtime.getRuntime().availableProcessors();
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return System.getProperty("os.arch") + " x" + Runtime.getRuntime().availableProcessors();
    }

    static Map<String, String> libraryVersions() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Provenance.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                for (String k : p.stringPropertyNames()) {
                    out.put(k, p.getProperty(k));
                }
            }
        } catch (IOException e) {
            // leave empty
        }
        return out;
    }

    /** As an ordered map for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", new java.util.TreeMap<>(config));
        m.put("seed", seed);
        m.put("data", data);
        m.put("commit", commit);
        m.put("jdk", jdk);
        m.put("cpu", cpu);
        m.put("threads", threads);
        m.put("kernels", kernels);
        m.put("libraries", new java.util.TreeMap<>(libraries));
        m.put("started", started);
        return m;
    }
}
