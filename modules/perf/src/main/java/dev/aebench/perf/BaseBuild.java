package dev.aebench.perf;

import dev.aebench.core.error.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the base revision of {@code perf compare} in a checkout of its own, cached by commit
 * under {@code cache/<sha>}. The checkout is {@code git archive} of the commit unpacked into a
 * temporary folder beside the cache entry, built there ({@link #DEFAULT_BUILD}), and renamed to
 * its final name only when the build succeeded; on any failure the temporary folder is deleted.
 * No {@code git worktree} is registered, so nothing is left in the repository's
 * {@code git worktree list} even when the process is killed half-way, and the repository's own
 * working tree and index are never touched. The newest {@value #KEEP} builds are kept.
 */
public final class BaseBuild {
    /** The build of a base checkout: the runner and what it needs, no tests. */
    public static final List<String> DEFAULT_BUILD = List.of("mvn", "-B", "-q", "-ntp", "-DskipTests", "package", "-pl", "modules/runner", "-am");
    static final String MARKER = ".aebench-base-build";
    static final String RUNNER = "modules/runner/target";
    static final int KEEP = 5;
    private static final long GIT_TIMEOUT_S = 120;

    private final Path repo;
    private final Path cache;
    private final List<String> buildCommand;
    private final Consumer<String> progress;

    /**
     * @param repo         the git repository (any folder inside it)
     * @param cache        where builds are kept, one folder per commit
     * @param buildCommand run in the checkout's root; exit 0 means built
     * @param progress     receives a line before each slow step
     */
    public BaseBuild(Path repo, Path cache, List<String> buildCommand, Consumer<String> progress) {
        this.repo = repo;
        this.cache = cache;
        this.buildCommand = List.copyOf(buildCommand);
        this.progress = progress;
    }

    /** A built base: its full commit id and checkout folder. */
    public record Built(String commit, Path tree) {
        /** The class path of the base's launcher: the runner jar, then its dependencies. */
        public List<String> classpath() {
            Path target = tree.resolve(RUNNER);
            try (Stream<Path> s = Files.list(target)) {
                Path jar = s.filter(p -> p.getFileName().toString().matches("aebench-runner-.*\\.jar")
                        && !p.getFileName().toString().contains("-sources")).findFirst()
                        .orElseThrow(() -> new UserError("base build " + tree + ": no aebench-runner jar in " + target));
                List<String> cp = new ArrayList<>();
                cp.add(jar.toString());
                String deps = Files.readString(target.resolve("classpath.txt")).strip();
                if (!deps.isEmpty()) {
                    cp.addAll(List.of(deps.split(java.io.File.pathSeparator)));
                }
                return cp;
            } catch (IOException e) {
                throw new UserError("base build " + tree + ": cannot read the runner's class path (" + e.getMessage() + ")");
            }
        }
    }

    /** The full commit id of {@code rev}; an unknown revision is a {@link UserError}. */
    public String resolve(String rev) {
        if (rev == null || rev.isBlank() || rev.startsWith("-")) {
            throw new UserError("--base: expected a git revision such as main or HEAD~1, found '" + rev + "'");
        }
        Result r = git(List.of("rev-parse", "--verify", "--quiet", rev + "^{commit}"));
        if (r.exit != 0 || r.out.isBlank()) {
            throw new UserError("--base " + rev + ": not a commit in " + repo.toAbsolutePath()
                    + (r.err.isBlank() ? "" : " (" + firstLine(r.err) + ")"));
        }
        return r.out.strip();
    }

    /** The base built (from the cache when it was built before). */
    public Built prepare(String rev) {
        String sha = resolve(rev);
        Path dir = cache.resolve(sha);
        if (Files.isRegularFile(dir.resolve(MARKER))) {
            progress.accept("base " + shortSha(sha) + ": cached build " + dir);
            touch(dir);
            return new Built(sha, dir);
        }
        Path tmp = null;
        Path log = cache.resolve(sha + ".build.log");
        try {
            Files.createDirectories(cache);
            tmp = Files.createTempDirectory(cache, sha + ".tmp-");
            Path tar = tmp.resolve(".aebench-base.tar");
            progress.accept("base " + shortSha(sha) + ": checking out into " + tmp);
            Result a = git(List.of("archive", "--format=tar", "--output=" + tar.toAbsolutePath(), sha));
            if (a.exit != 0) {
                throw new UserError("--base " + rev + ": git archive failed (" + firstLine(a.err) + ")");
            }
            Result x = run(List.of("tar", "-xf", tar.toAbsolutePath().toString(), "-C", tmp.toAbsolutePath().toString()), repo, null);
            Files.deleteIfExists(tar);
            if (x.exit != 0) {
                throw new UserError("--base " + rev + ": cannot unpack its checkout (tar: " + firstLine(x.err) + ")");
            }
            progress.accept("base " + shortSha(sha) + ": building (" + String.join(" ", buildCommand) + "), log " + log);
            Result b = run(buildCommand, tmp, log);
            if (b.exit != 0) {
                throw new UserError("--base " + rev + " (" + shortSha(sha) + ") does not build: " + String.join(" ", buildCommand)
                        + " exited " + b.exit + "; see " + log);
            }
            Built built = new Built(sha, tmp);
            built.classpath();
            relocate(tmp.resolve(RUNNER).resolve("classpath.txt"), tmp, dir);
            Files.writeString(tmp.resolve(MARKER), sha + "\n");
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                if (!Files.isRegularFile(dir.resolve(MARKER))) {
                    throw new UserError("base build cache " + dir + ": exists but holds no finished build; remove it");
                }
                // another process finished the same build first: use its copy
            }
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
            tmp = null;
            prune(sha);
            return new Built(sha, dir);
        } catch (IOException e) {
            throw new UserError("base build cache " + cache + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    /** Maven writes the class path with the absolute paths of the temporary checkout: point them at its final place. */
    static void relocate(Path classpathFile, Path from, Path to) throws IOException {
        String text = Files.readString(classpathFile);
        Files.writeString(classpathFile, text.replace(from.toAbsolutePath().toString(), to.toAbsolutePath().toString()));
    }

    /** Keeps the {@value #KEEP} most recently used builds (and the one just made). */
    private void prune(String keep) {
        List<Path> builds = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(cache)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p.resolve(MARKER))) {
                    builds.add(p);
                }
            }
        } catch (IOException e) {
            return;
        }
        builds.sort(Comparator.comparingLong(BaseBuild::modified).reversed());
        for (int i = KEEP; i < builds.size(); i++) {
            if (!builds.get(i).getFileName().toString().equals(keep)) {
                deleteTree(builds.get(i));
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void touch(Path dir) {
        try {
            Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // only the pruning order depends on it
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new UserError("cannot delete " + root + " (" + e.getMessage() + "); remove it by hand");
        }
    }

    static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private record Result(int exit, String out, String err) {
    }

    private Result git(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-C");
        cmd.add(repo.toAbsolutePath().toString());
        cmd.addAll(args);
        return run(cmd, repo, null);
    }

    /** Runs {@code cmd} in {@code dir}; with a log, its output goes there, else it is returned. */
    private static Result run(List<String> cmd, Path dir, Path log) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            Path out;
            Path err;
            if (log != null) {
                out = log;
                err = log;
                pb.redirectErrorStream(true).redirectOutput(log.toFile());
            } else {
                out = Files.createTempFile("aebench-git", ".out");
                err = Files.createTempFile("aebench-git", ".err");
                pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            }
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            boolean done = log != null ? waitFor(p) : p.waitFor(GIT_TIMEOUT_S, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
                return new Result(124, "", cmd.get(0) + " timed out");
            }
            if (log != null) {
                return new Result(p.exitValue(), "", "");
            }
            String o = Files.readString(out, StandardCharsets.UTF_8);
            String e = Files.readString(err, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return new Result(p.exitValue(), o, e);
        } catch (IOException e) {
            return new Result(127, "", cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while running " + cmd.get(0));
        }
    }

    private static boolean waitFor(Process p) throws InterruptedException {
        try {
            p.waitFor();
            return true;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
    }
}
