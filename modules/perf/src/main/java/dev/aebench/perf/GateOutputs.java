package dev.aebench.perf;

import dev.aebench.core.error.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a gate run writes its machine-readable outcome: {@code --json}, {@code --junit},
 * {@code --markdown} (each rewritten whole through a temporary file) and {@code --history}
 * (one line appended). Any of them may be null. {@link #validate} is called before measuring,
 * so an unwritable output or a dirty tree with {@code --history} fails at once, not after minutes.
 */
public record GateOutputs(Path json, Path junit, Path markdown, Path history) {
    public static final GateOutputs NONE = new GateOutputs(null, null, null, null);

    /**
     * Refuses a history entry for a tree with uncommitted changes: the history is read per commit,
     * and a "-dirty" point would stand for code nobody can check out.
     */
    public void validate(String commit) {
        if (history != null && commit != null && commit.endsWith("-dirty")) {
            throw new UserError("--history " + history + ": the working tree has uncommitted changes (commit " + commit
                    + "); commit them or run without --history");
        }
        for (Path p : new Path[] {json, junit, markdown, history}) {
            if (p != null && Files.isDirectory(p)) {
                throw new UserError("output " + p + ": expected a file, found a directory");
            }
        }
    }

    public void write(GateOutcome o) {
        if (json != null) {
            replace(json, "--json", OutcomeJson.toJson(o));
        }
        if (junit != null) {
            replace(junit, "--junit", OutcomeJunit.toXml(o));
        }
        if (markdown != null) {
            replace(markdown, "--markdown", OutcomeMarkdown.toMarkdown(o));
        }
        if (history != null) {
            PerfHistory.append(history, o);
        }
    }

    private static void replace(Path path, String option, String text) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".aebench-perf", ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError(option + " " + path + ": cannot write (" + e.getMessage() + ")");
        }
    }
}
