package dev.aebench.report.render;

import dev.aebench.core.metric.MetricCatalog;
import dev.aebench.report.analysis.Analysis;
import dev.aebench.report.figure.Figure;
import dev.aebench.report.results.ResultsFolder;
import dev.aebench.report.testing.ThreeBlocks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files of a rendered report: every SVG is well-formed XML of the figure's size, every PNG
 * decodes at that size, index.html refers to nothing outside itself, and the same results
 * give the same bytes (rendered twice, into a used folder, and from a copy of the results
 * elsewhere).
 */
class ReportFilesTest {
    /** Every figure the constructed experiment has the data for. */
    private static final List<String> EXPECTED_FIGURES = List.of("sweep-cae", "time-vs-quality", "loss-curves",
            "reconstructions", "denoising", "codes");

    @TempDir
    static Path tmp;
    static Path results;
    static Path out;
    static List<String> written;
    static Map<String, Figure> figures = new LinkedHashMap<>();

    @BeforeAll
    static void render() {
        results = ThreeBlocks.write(tmp.resolve("results"));
        out = tmp.resolve("report");
        written = Report.render(results, out);
        for (Figure f : ReportContent.build(Analysis.of(ResultsFolder.read(results), MetricCatalog.load())).figuresPlaced()) {
            figures.put(f.name(), f);
        }
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    void everyFigureIsDrawnAndListed() throws IOException {
        assertTrue(figures.keySet().containsAll(EXPECTED_FIGURES), "figures drawn: " + figures.keySet());
        List<String> expected = new java.util.ArrayList<>(List.of(Report.CSV, Report.HTML, Report.README));
        figures.keySet().forEach(n -> {
            expected.add(Report.FIGURES + "/" + n + ".svg");
            expected.add(Report.FIGURES + "/" + n + ".png");
        });
        assertEquals(expected.stream().sorted().toList(), written, "the files render returns");
        assertEquals(expected.stream().sorted().toList(), List.copyOf(files(out).keySet()), "the files on disk (no .part left)");
    }

    @Test
    void everySvgParsesAsXmlOfTheFigureSize() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (Figure fig : figures.values()) {
            Path svg = out.resolve(Report.FIGURES).resolve(fig.name() + ".svg");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document d = b.parse(svg.toFile());
            Element root = d.getDocumentElement();
            assertEquals("svg", root.getLocalName(), svg + ": root element");
            assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI(), svg + ": namespace");
            assertEquals(fig.width(), Double.parseDouble(root.getAttribute("width").replace("px", "")), 0, svg + ": width");
            assertEquals(fig.height(), Double.parseDouble(root.getAttribute("height").replace("px", "")), 0, svg + ": height");
            assertEquals("0 0 " + fig.width() + " " + fig.height(), root.getAttribute("viewBox"), svg + ": viewBox");
            assertTrue(fig.width() >= 100 && fig.height() >= 100, svg + ": a figure of some size");
            assertTrue(d.getElementsByTagNameNS("*", "*").getLength() > 3, svg + ": has content");
        }
    }

    @Test
    void everyPngDecodesAtTwiceTheFigureSize() throws IOException {
        for (Figure fig : figures.values()) {
            Path png = out.resolve(Report.FIGURES).resolve(fig.name() + ".png");
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, png + ": decodes");
            assertEquals(fig.width(), img.getWidth(), png + ": width");
            assertEquals(fig.height(), img.getHeight(), png + ": height");
            int first = img.getRGB(0, 0);
            boolean drawn = false;
            for (int y = 0; y < img.getHeight() && !drawn; y += 3) {
                for (int x = 0; x < img.getWidth() && !drawn; x += 3) {
                    drawn = img.getRGB(x, y) != first;
                }
            }
            assertTrue(drawn, png + ": not a blank image");
        }
    }

    @Test
    void indexHtmlIsSelfContained() throws IOException {
        String html = Files.readString(out.resolve(Report.HTML), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("<link"), "no linked style sheet");
        assertFalse(html.contains("<img"), "figures are inline SVG, not images");
        assertFalse(html.contains("<iframe") || html.contains("<object") || html.contains("<embed"), "no embedded documents");
        assertFalse(html.contains("@import"), "no imported style sheet");
        assertFalse(Pattern.compile("url\\(\\s*['\"]?(?!#|data:)").matcher(html).find(), "CSS url() only to fragments or data");
        Matcher ref = Pattern.compile("(?:src|href)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')").matcher(html);
        int refs = 0;
        while (ref.find()) {
            refs++;
            String v = ref.group(1) != null ? ref.group(1) : ref.group(2);
            assertTrue(v.startsWith("#") || v.startsWith("data:image/"), "reference to outside the page: " + v);
        }
        assertTrue(refs > figures.size(), "the page has its section links and inline images");
        assertTrue(html.contains("href='data:image/png;base64,") || html.contains("href=\"data:image/png;base64,"),
                "image figures carry their pictures as data URIs");
        Matcher http = Pattern.compile("https?://[^\"'\\s<>)]*").matcher(html);
        while (http.find()) {
            String u = http.group();
            int at = http.start();
            String before = html.substring(Math.max(0, at - 20), at);
            assertTrue(before.matches("(?s).*xmlns(:\\w+)?=[\"']$"), "only XML namespace names may be http URLs, found " + u);
        }
        for (Figure fig : figures.values()) {
            assertTrue(html.contains("<figure id=\"fig-" + fig.name() + "\">"), fig.name() + " inline in the page");
        }
        assertTrue(html.contains("<table>"), "tables in the page");
    }

    @Test
    void theSameResultsGiveTheSameBytes() throws IOException {
        Map<String, byte[]> first = files(out);
        Path again = tmp.resolve("again");
        Report.render(results, again);
        assertSameFiles(first, files(again), "rendered twice");
        Report.render(results, out);
        assertSameFiles(first, files(out), "rendered over the earlier report");
        Path copy = ThreeBlocks.write(tmp.resolve("elsewhere").resolve("results-copy"));
        Path third = tmp.resolve("elsewhere").resolve("report");
        Report.render(copy, third);
        assertSameFiles(first, files(third), "rendered from a copy of the results in another folder");
    }

    @Test
    void figuresOfAnEarlierRenderingAreRemoved() throws IOException {
        Path dir = tmp.resolve("stale");
        Report.render(results, dir);
        Path stale = dir.resolve(Report.FIGURES).resolve("sweep-old-block.svg");
        Files.writeString(stale, "<svg/>");
        Report.render(results, dir);
        assertFalse(Files.exists(stale), "a figure this rendering does not draw is removed");
    }

    private static void assertSameFiles(Map<String, byte[]> a, Map<String, byte[]> b, String what) {
        assertEquals(a.keySet(), b.keySet(), what + ": the same files");
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k), b.get(k), what + ": " + k + " differs");
        }
    }
}
