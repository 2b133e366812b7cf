package dev.aebench.perf;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base checkout on a small git repository, with a stand-in build command (a shell line) instead of Maven. */
class BaseBuildTest {
    @TempDir
    Path dir;
    Path repo;
    Path cache;

    /** Makes the files a built runner leaves: the jar and the launcher class path. */
    static final String FAKE_BUILD = "mkdir -p modules/runner/target && touch modules/runner/target/aebench-runner-0.1.jar"
            + " && echo /deps/a.jar:$PWD/modules/core/target/core.jar > modules/runner/target/classpath.txt && echo built >> ../builds.log";

    @BeforeEach
    void repository() throws Exception {
        repo = dir.resolve("repo");
        cache = dir.resolve("cache");
        Files.createDirectories(repo);
        git("init", "-q");
        git("config", "user.email", "t@example.org");
        git("config", "user.name", "t");
        Files.writeString(repo.resolve("README"), "one\n");
        git("add", "README");
        git("commit", "-q", "-m", "one");
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private BaseBuild build(String shell) {
        return new BaseBuild(repo, cache, List.of("sh", "-c", shell), line -> { });
    }

    private List<String> cacheEntries() throws IOException {
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertNoWorktreeEntries() throws Exception {
        assertEquals(1, git("worktree", "list").lines().count(), git("worktree", "list"));
    }

    @Test
    void buildsOnceAndReusesTheCachedBuild() throws Exception {
        String head = git("rev-parse", "HEAD").strip();
        BaseBuild.Built b = build(FAKE_BUILD).prepare("HEAD");
        assertEquals(head, b.commit());
        assertEquals(cache.resolve(head), b.tree());
        assertEquals("one\n", Files.readString(b.tree().resolve("README")));
        List<String> cp = b.classpath();
        assertTrue(cp.get(0).endsWith("modules/runner/target/aebench-runner-0.1.jar"), cp.toString());
        // the class path Maven wrote inside the temporary checkout points into the cached one
        assertEquals(List.of("/deps/a.jar", b.tree().resolve("modules/core/target/core.jar").toString()), cp.subList(1, cp.size()));
        build(FAKE_BUILD).prepare(head.substring(0, 8));
        assertEquals(1, Files.readAllLines(cache.resolve("builds.log")).size(), "the second prepare used the cache");
        assertEquals(java.util.Set.of(head, head + ".build.log", "builds.log"), java.util.Set.copyOf(cacheEntries()));
        assertNoWorktreeEntries();
    }

    @Test
    void theCheckoutIsTheCommitNotTheWorkingTree() throws Exception {
        String first = git("rev-parse", "HEAD").strip();
        Files.writeString(repo.resolve("README"), "two\n");
        git("commit", "-q", "-am", "two");
        Files.writeString(repo.resolve("README"), "uncommitted\n");
        BaseBuild.Built b = build(FAKE_BUILD).prepare("HEAD~1");
        assertEquals(first, b.commit());
        assertEquals("one\n", Files.readString(b.tree().resolve("README")));
        assertEquals("uncommitted\n", Files.readString(repo.resolve("README")), "the working tree is untouched");
    }

    @Test
    void anUnknownRevisionIsOneLineAndLeavesNothing() throws Exception {
        UserError e = assertThrows(UserError.class, () -> build(FAKE_BUILD).prepare("no-such-branch"));
        assertTrue(e.getMessage().startsWith("--base no-such-branch: not a commit in "), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
        assertThrows(UserError.class, () -> build(FAKE_BUILD).prepare("--all"));
        assertEquals(List.of(), cacheEntries());
        assertNoWorktreeEntries();
    }

    @Test
    void aRevisionThatDoesNotBuildIsOneLineAndLeavesOnlyTheLog() throws Exception {
        String head = git("rev-parse", "HEAD").strip();
        UserError e = assertThrows(UserError.class, () -> build("echo compiling; echo 'ERROR: broken' >&2; exit 3").prepare("HEAD"));
        assertTrue(e.getMessage().matches("--base HEAD \\([0-9a-f]{12}\\) does not build: sh -c .* exited 3; see .*\\.build\\.log"),
                e.getMessage());
        assertEquals(List.of(head + ".build.log"), cacheEntries(), "the temporary checkout is gone");
        assertTrue(Files.readString(cache.resolve(head + ".build.log")).contains("ERROR: broken"));
        assertNoWorktreeEntries();

        // a build that "succeeds" without making the runner is refused the same way
        e = assertThrows(UserError.class, () -> build("true").prepare("HEAD"));
        assertTrue(e.getMessage().contains("cannot read the runner's class path") || e.getMessage().contains("no aebench-runner jar"),
                e.getMessage());
        assertEquals(List.of(head + ".build.log"), cacheEntries());
    }
}
