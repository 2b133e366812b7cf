package dev.aebench.report.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's HTTP client and WebSocket:
 * started with a fresh profile and {@code --remote-debugging-port=0}, its port read from the
 * profile's {@code DevToolsActivePort}, commands sent to the first page target, every event kept.
 */
public final class DevTools implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Inbox inbox;

    private DevTools(Process process, WebSocket socket, Inbox inbox) {
        this.process = process;
        this.socket = socket;
        this.inbox = inbox;
    }

    /** Where Chromium is looked for: $CHROMIUM, else /usr/bin/chromium. */
    public static Path chromiumPath() {
        String env = System.getenv("CHROMIUM");
        return Path.of(env != null && !env.isBlank() ? env : "/usr/bin/chromium");
    }

    /** The Chromium binary, or null when {@link #chromiumPath()} is not an executable. */
    public static Path chromium() {
        Path p = chromiumPath();
        return Files.isExecutable(p) ? p : null;
    }

    /** Starts Chromium with a fresh profile under {@code work} and connects to its page. */
    public static DevTools start(Path chromium, Path work) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(work.resolve("profile"));
        Path log = work.resolve("chromium.log");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-extensions", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<String> lines = List.of();
            while (lines.size() < 2) {
                if (!p.isAlive()) {
                    throw new IOException("Chromium exited with " + p.exitValue() + " before opening DevTools: "
                            + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("Chromium wrote no DevToolsActivePort within " + TIMEOUT.toSeconds() + " s: " + tail(log));
                }
                Thread.sleep(100);
                if (Files.isRegularFile(portFile)) {
                    lines = Files.readAllLines(portFile).stream().filter(l -> !l.isBlank()).toList();
                }
            }
            int port = Integer.parseInt(lines.get(0).strip());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String wsUrl = null;
            while (wsUrl == null) {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode t : MAPPER.readTree(list)) {
                    if (t.path("type").asText().equals("page") && t.hasNonNull("webSocketDebuggerUrl")) {
                        wsUrl = t.get("webSocketDebuggerUrl").asText();
                        break;
                    }
                }
                if (wsUrl == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("Chromium has no page target: " + list);
                    }
                    Thread.sleep(100);
                }
            }
            Inbox inbox = new Inbox();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), new Listener(inbox))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new DevTools(p, ws, inbox);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(p);
            throw e;
        } catch (Exception e) {
            stop(p);
            throw new IOException("cannot connect to Chromium's DevTools: " + e, e);
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Command results by id, and every event, as they arrive. */
    private static final class Inbox {
        final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        final List<JsonNode> events = new ArrayList<>();

        void received(String message) {
            try {
                JsonNode n = MAPPER.readTree(message);
                if (n.has("id")) {
                    CompletableFuture<JsonNode> f = pending.remove(n.get("id").asInt());
                    if (f != null) {
                        f.complete(n);
                    }
                } else {
                    synchronized (events) {
                        events.add(n);
                    }
                }
            } catch (IOException e) {
                synchronized (events) {
                    events.add(MAPPER.createObjectNode().put("method", "unparsable").put("text", message));
                }
            }
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final Inbox inbox;

        Listener(Inbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                inbox.received(message);
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Sends a command and waits for its result; a protocol error is an exception. */
    public JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", MAPPER.valueToTree(params));
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        inbox.pending.put(id, f);
        socket.sendText(MAPPER.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode r = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + ": " + r.get("error"));
        }
        return r.path("result");
    }

    /** Waits until an event from the {@code from}-th on matches {@code p}; false on timeout. */
    public boolean await(int from, Predicate<JsonNode> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> all = events();
            if (all.subList(Math.min(from, all.size()), all.size()).stream().anyMatch(p)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Every event so far. */
    public List<JsonNode> events() {
        synchronized (inbox.events) {
            return List.copyOf(inbox.events);
        }
    }

    @Override
    public void close() {
        socket.abort();
        stop(process);
    }

    private static void stop(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(c -> {
            if (c.isAlive()) {
                c.destroyForcibly();
            }
        });
    }
}
