package dev.aebench.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aebench.report.testing.DevTools;
import dev.aebench.report.testing.ThreeBlocks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Opens the rendered index.html from disk in Debian's headless Chromium (or $CHROMIUM) over the
 * DevTools protocol and fails if a figure is missing, empty or broken, a table is absent, or the
 * page asks for anything but the file itself and data URIs. Without Chromium it fails, unless
 * {@code -Daebench.browser.skip=true}.
 */
class BrowserTest {
    /** Run in the page once loaded: what a reader would see of the figures and tables. */
    private static final String CHECK = """
            (async () => {
              const out = {figures: [], images: 0, tables: document.querySelectorAll('table').length,
                           rows: document.querySelectorAll('table tbody tr').length, problems: []};
              for (const f of document.querySelectorAll('figure')) {
                const svg = f.querySelector(':scope > svg');
                if (!svg) { out.problems.push(f.id + ': no svg'); continue; }
                const r = svg.getBoundingClientRect();
                out.figures.push(f.id);
                if (!(r.width > 0 && r.height > 0)) out.problems.push(f.id + ': drawn at ' + r.width + 'x' + r.height);
                if (svg.childElementCount === 0) out.problems.push(f.id + ': empty svg');
                if (!f.querySelector('figcaption')) out.problems.push(f.id + ': no caption');
              }
              for (const img of document.querySelectorAll('svg image')) {
                out.images++;
                const href = img.getAttribute('href') || img.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
                const r = img.getBoundingClientRect();
                const where = (img.closest('figure') || {}).id + ' image';
                if (!(r.width > 0 && r.height > 0)) out.problems.push(where + ': drawn at ' + r.width + 'x' + r.height);
                const probe = new Image();
                probe.src = href;
                try { await probe.decode(); } catch (e) { out.problems.push(where + ': does not decode'); continue; }
                if (!(probe.complete && probe.naturalWidth > 0 && probe.naturalHeight > 0)) out.problems.push(where + ': broken');
              }
              for (const img of document.images) {
                if (!(img.complete && img.naturalWidth > 0)) out.problems.push('img ' + img.src.slice(0, 40) + ': broken');
              }
              return JSON.stringify(out);
            })()
            """;

    @TempDir
    Path tmp;

    @Test
    void theReportOpensWholeInABrowserWithoutTheNetwork() throws Exception {
        Path chromium = DevTools.chromium();
        if (chromium == null) {
            if (Boolean.getBoolean("aebench.browser.skip")) {
                Assumptions.abort("no Chromium (aebench.browser.skip=true)");
            }
            String env = System.getenv("CHROMIUM");
            fail("BrowserTest needs headless Chromium: expected an executable at " + DevTools.chromiumPath()
                    + (env != null && !env.isBlank() ? " ($CHROMIUM)" : " (or set $CHROMIUM)") + ", found none "
                    + "(apt-get install chromium, or -Daebench.browser.skip=true to skip this test)");
        }
        Path out = tmp.resolve("report");
        Report.render(ThreeBlocks.write(tmp.resolve("results")), out);
        Path html = out.resolve(Report.HTML);
        String md = Files.readString(out.resolve(Report.README));
        long tables = md.lines().filter(l -> l.matches("\\|( ---:? \\|)+")).count();
        long figures = md.lines().filter(l -> l.startsWith("![")).count();

        try (DevTools chrome = DevTools.start(chromium, tmp.resolve("chromium"))) {
            chrome.call("Network.enable", Map.of());
            chrome.call("Page.enable", Map.of());
            Visit v = visit(chrome, html);
            List<String> network = v.network();
            List<String> failed = v.failed();
            JsonNode seen = v.seen();
            assertEquals(List.of(), network, "the page requests nothing but itself");
            assertEquals(List.of(), failed, "nothing fails to load");
            assertEquals(List.of(), toList(seen.path("problems")), "every figure is drawn, every image decodes");
            assertEquals(figures, seen.path("figures").size(), "every figure of the report is in the page: " + seen);
            assertTrue(figures >= 6, "the constructed report has its six figures: " + seen);
            assertTrue(seen.path("images").asInt() >= 2, "the reconstruction and denoising pictures: " + seen);
            assertEquals(tables, seen.path("tables").asLong(), "every table of the report is in the page");
            assertTrue(tables >= 3 && seen.path("rows").asInt() > 20, "results, significance and sweep tables: " + seen);

            // The same checks see a page that fetches from the network or shows a broken figure.
            Path bad = Files.writeString(tmp.resolve("bad.html"), "<!DOCTYPE html><html><body>"
                    + "<img src=\"http://127.0.0.1:9/x.png\"><figure id=\"fig-empty\"><svg width=\"0\" height=\"0\"></svg>"
                    + "<figcaption>x</figcaption></figure></body></html>");
            Visit b = visit(chrome, bad);
            assertEquals(List.of("http://127.0.0.1:9/x.png"), b.network(), "a network request is seen");
            assertTrue(b.seen().path("problems").toString().contains("fig-empty: drawn at 0x0"), "an empty figure is seen: " + b.seen());
            assertTrue(b.seen().path("problems").toString().contains("broken"), "a broken image is seen: " + b.seen());
        }
    }

    record Visit(List<String> network, List<String> failed, JsonNode seen) {
    }

    /** Loads a page from disk, runs the check, and returns what the page requested and what the check saw. */
    private static Visit visit(DevTools chrome, Path page) throws Exception {
        int before = chrome.events().size();
        String url = page.toUri().toString();
        JsonNode nav = chrome.call("Page.navigate", Map.of("url", url));
        assertTrue(!nav.hasNonNull("errorText"), "navigation: " + nav);
        assertTrue(chrome.await(before, e -> e.path("method").asText().equals("Page.loadEventFired"), Duration.ofSeconds(60)),
                url + " loads within 60 s");
        JsonNode r = chrome.call("Runtime.evaluate", Map.of("expression", CHECK, "awaitPromise", true,
                "returnByValue", true));
        assertTrue(!r.has("exceptionDetails"), "the check script ran: " + r);
        Thread.sleep(300); // anything the page would fetch late
        JsonNode seen = new ObjectMapper().readTree(r.path("result").path("value").asText());
        List<String> network = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<JsonNode> events = chrome.events();
        for (JsonNode e : events.subList(before, events.size())) {
            String method = e.path("method").asText();
            if (method.equals("Network.requestWillBeSent")) {
                String u = e.path("params").path("request").path("url").asText();
                if (!u.equals(url) && !u.startsWith("data:")) {
                    network.add(u);
                }
            } else if (method.equals("Network.loadingFailed")) {
                failed.add(e.path("params").toString());
            }
        }
        return new Visit(network, failed, seen);
    }

    private static List<String> toList(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }
}
