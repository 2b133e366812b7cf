package dev.aebench.report.render;

import dev.aebench.core.metric.MetricCatalog;
import dev.aebench.report.analysis.Analysis;
import dev.aebench.report.figure.Figure;
import dev.aebench.report.results.ResultsFolder;
import dev.aebench.report.testing.MarkdownTables;
import dev.aebench.report.testing.ResultsFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A constructed experiment on two-dimensional data with fine-tuned accuracies: three blocks named
 * after Rifai et al.'s models (ae, dae-gaussian, cae), two seeds each, each trial's artifact with
 * a 4 x 4 displacement field (the dae's with the exact score). The report puts the fine-tuned
 * accuracy and its ordering beside Rifai's, and draws one quiver panel per block plus the score's.
 */
class FineTuneAndScoreFieldTest {
    static final int GRID = 4;
    static final String BLUE = "rgb(31,78,153)";
    static final String RED = "rgb(176,58,46)";
    /** label, model, probe_acc per seed, finetune_acc per seed. */
    static final Object[][] BLOCKS = {
            {"ae", "ae", new double[] {0.850, 0.852}, new double[] {0.870, 0.872}},
            {"dae-gaussian", "dae", new double[] {0.861, 0.859}, new double[] {0.880, 0.884}},
            {"cae", "cae", new double[] {0.856, 0.854}, new double[] {0.890, 0.893}}};

    @TempDir
    static Path tmp;
    static Path results;
    static ReportContent content;

    /** A field whose point p has vector (p + 1, -(p % 3)) / 100, the one at {@code zeroAt} zero. */
    static Map<String, Object> field(int zeroAt, boolean score) {
        int n = GRID * GRID;
        double[] u = new double[n];
        double[] v = new double[n];
        for (int p = 0; p < n; p++) {
            u[p] = p == zeroAt ? 0 : (p + 1) / 100.0;
            v[p] = p == zeroAt ? 0 : -(p % 3) / 100.0;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("grid", GRID);
        f.put("x0", 0.0);
        f.put("x1", 1.0);
        f.put("y0", 0.0);
        f.put("y1", 1.0);
        f.put("u", u);
        f.put("v", v);
        if (score) {
            double[] su = new double[n];
            double[] sv = new double[n];
            for (int p = 0; p < n; p++) {
                su[p] = 0.5 - (p % GRID + 0.5) / GRID;
                sv[p] = 0.5 - (p / GRID + 0.5) / GRID + 0.01;
            }
            f.put("score_u", su);
            f.put("score_v", sv);
        }
        f.put("data_x", new double[] {0.2, 0.4, 0.6});
        f.put("data_y", new double[] {0.3, 0.5, 0.7});
        return f;
    }

    @BeforeAll
    static void render() {
        ResultsFixture f = new ResultsFixture(0);
        for (int b = 0; b < BLOCKS.length; b++) {
            for (int s = 0; s < 2; s++) {
                String id = f.plan(b, (String) BLOCKS[b][0], (String) BLOCKS[b][1], "", Map.of("hidden", "64"), s);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("test_mse", 0.01 + b * 0.001 + s * 0.0001);
                m.put("probe_acc", ((double[]) BLOCKS[b][2])[s]);
                m.put("finetune_acc", ((double[]) BLOCKS[b][3])[s]);
                f.ok(id, m);
                f.artifact(id, false, field(b == 0 ? 5 : -1, b == 1));
            }
        }
        results = f.write(tmp.resolve("results"));
        content = build();
    }

    private static ReportContent build() {
        return ReportContent.build(Analysis.of(ResultsFolder.read(results), MetricCatalog.load()));
    }

    private static Figure quiver(ReportContent c) {
        Optional<Figure> f = c.figuresPlaced().stream().filter(x -> x.name().equals("score-field")).findFirst();
        assertTrue(f.isPresent(), "a score-field figure among " + c.figuresPlaced().stream().map(Figure::name).toList());
        return f.get();
    }

    /**
     * The SVG's path elements stroked in {@code colour} (JFreeSVG puts the style on a group around
     * each; the figure keeps each distinct style once, as a class rule in its style sheet).
     */
    private static int paths(Document d, String colour) {
        java.util.Map<String, String> rules = new java.util.HashMap<>();
        NodeList sheets = d.getElementsByTagNameNS("*", "style");
        for (int i = 0; i < sheets.getLength(); i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.([\\w-]+)\\{([^}]*)}")
                    .matcher(sheets.item(i).getTextContent());
            while (m.find()) {
                rules.put(m.group(1), m.group(2));
            }
        }
        NodeList all = d.getElementsByTagNameNS("*", "path");
        int n = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            Element g = e.getParentNode() instanceof Element p ? p : null;
            String style = e.getAttribute("style") + ";" + rules.getOrDefault(e.getAttribute("class"), "") + ";"
                    + (g == null ? "" : g.getAttribute("style") + ";" + rules.getOrDefault(g.getAttribute("class"), ""));
            if (style.replace(" ", "").contains("stroke:" + colour)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void quiverSvgParsesWithOneArrowPerNonzeroVector() throws Exception {
        Figure q = quiver(content);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        DocumentBuilder b = factory.newDocumentBuilder();
        Document d = b.parse(new ByteArrayInputStream(q.svgDocument().getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", d.getDocumentElement().getLocalName());
        int cells = GRID * GRID;
        assertEquals(3 * cells - 1, paths(d, BLUE), "blue arrows: three models' fields, one vector of the ae's zero");
        assertEquals(cells, paths(d, RED), "red arrows: the exact score of the one artifact that has it");
        assertEquals(3 * 300, q.width(), "three square panels a row");
        assertEquals(2 * 300, q.height(), "four panels (three models and the score) in two rows");
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        Figure again = quiver(build());
        Figure q = quiver(content);
        assertEquals(q.svg(), again.svg());
        assertArrayEquals(q.png(), again.png());
    }

    @Test
    void rifaiTableHasTheFineTunedColumnAndOrdering() {
        String md = MarkdownFormat.render(content.doc());
        List<List<String>> table = MarkdownTables.after(md, "## Compared with Rifai et al. (2011)");
        List<String> head = table.get(0);
        assertTrue(head.contains("fine-tuned accuracy"), "header " + head);
        assertTrue(head.contains("our rank (fine-tuned)"), "header " + head);
        int acc = head.indexOf("fine-tuned accuracy");
        int rank = head.indexOf("our rank (fine-tuned)");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (List<String> r : table.subList(1, table.size())) {
            rows.put(r.get(0), r);
        }
        ReportValuesTest.assertMeanSd("cae fine-tuned", (double[]) BLOCKS[2][3], rows.get("cae").get(acc));
        assertEquals("1", rows.get("cae").get(rank));
        assertEquals("2", rows.get("dae-gaussian").get(rank));
        assertEquals("3", rows.get("ae").get(rank));
        assertTrue(md.contains("**Fine-tuned ordering** (mean `finetune_acc`, best first): CAE (cae, 0.8915) > "
                + "DAE-g (dae-gaussian, 0.8820) > AE (ae, 0.8710). Rifai et al.'s ordering of the same models: "
                + "CAE > DAE-g > AE. The two agree on 3 of 3 pairs (the same order)"), md);
    }

    @Test
    void resultTableShowsTheFineTunedAccuracy() {
        String md = MarkdownFormat.render(content.doc());
        List<List<String>> table = MarkdownTables.after(md, "## Results");
        assertTrue(table.stream().anyMatch(r -> r.get(0).startsWith("`finetune_acc`")), "rows: " + table);
    }

    @Test
    void writtenReportHasTheFigureFiles() throws Exception {
        Path out = tmp.resolve("report");
        Report.render(results, out);
        assertTrue(Files.exists(out.resolve(Report.FIGURES).resolve("score-field.svg")));
        assertTrue(Files.exists(out.resolve(Report.FIGURES).resolve("score-field.png")));
    }
}
