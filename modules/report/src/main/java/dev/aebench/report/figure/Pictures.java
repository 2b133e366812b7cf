package dev.aebench.report.figure;

import dev.aebench.report.analysis.Analysis;
import dev.aebench.report.analysis.BlockResult;
import dev.aebench.report.results.TrialArtifact;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Figures drawn from the trials' artifacts: the reconstruction grid (originals, then each
 * selection's reconstructions), the denoising grid (for corrupting models: corrupted input and
 * its reconstruction) and the 2-D code scatter by class, one panel per selection. Each selection
 * shows the artifact of its first ok seed.
 */
public final class Pictures {
    private static final int ZOOM = 2;
    private static final int LABEL_W = 190;
    private static final int GAP = 4;
    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    private Pictures() {
    }

    /** The artifacts of the selections, in block order. */
    static Map<BlockResult, TrialArtifact> artifacts(Analysis a) {
        Map<BlockResult, TrialArtifact> out = new LinkedHashMap<>();
        for (BlockResult b : a.selectedBlocks()) {
            Charts.firstOk(b.selected()).flatMap(id -> a.folder().artifact(id)).ifPresent(t -> out.put(b, t));
        }
        return out;
    }

    static String className(Analysis a, int label) {
        boolean fashion = a.folder().data() != null && a.folder().data().path("dir").asText("").contains("fashion");
        return fashion && label >= 0 && label < FASHION.size() ? FASHION.get(label) : "class " + label;
    }

    public static Optional<Figure> reconstructions(Analysis a, String name) {
        Map<BlockResult, TrialArtifact> arts = artifacts(a);
        if (arts.isEmpty()) {
            return Optional.empty();
        }
        TrialArtifact first = arts.values().iterator().next();
        List<String> labels = new ArrayList<>();
        List<BufferedImage> rows = new ArrayList<>();
        labels.add("original");
        rows.add(first.original());
        arts.forEach((b, t) -> {
            labels.add(b.selectedLabel());
            rows.add(t.reconstruction());
        });
        return Optional.of(grid(name, "Reconstructions", "Fixed test images (two per class, first row) and their "
                + "reconstruction by each selected configuration (seed " + firstSeed(arts) + ").", first, labels, rows));
    }

    public static Optional<Figure> denoising(Analysis a, String name) {
        Map<BlockResult, TrialArtifact> arts = new LinkedHashMap<>(artifacts(a));
        arts.values().removeIf(t -> t.corruption() == null);
        if (arts.isEmpty()) {
            return Optional.empty();
        }
        TrialArtifact first = arts.values().iterator().next();
        List<String> labels = new ArrayList<>();
        List<BufferedImage> rows = new ArrayList<>();
        labels.add("original");
        rows.add(first.original());
        arts.forEach((b, t) -> {
            labels.add(b.selectedLabel() + ": input " + t.corruption());
            rows.add(t.corrupted());
            labels.add(b.selectedLabel() + ": output");
            rows.add(t.denoised());
        });
        return Optional.of(grid(name, "Denoising", "For each corrupting model: the test images corrupted as in "
                + "training (its own noise), then the model's reconstruction of the clean image from them.", first, labels, rows));
    }

    private static String firstSeed(Map<BlockResult, TrialArtifact> arts) {
        return arts.keySet().stream().map(b -> Long.toString(b.selected().ok().get(0).seed())).distinct()
                .reduce((x, y) -> x + "/" + y).orElse("");
    }

    private static Figure grid(String name, String title, String caption, TrialArtifact shape, List<String> labels,
                               List<BufferedImage> rows) {
        int n = shape.images();
        int cw = shape.width() * ZOOM;
        int ch = shape.height() * ZOOM;
        int width = LABEL_W + n * (cw + 2) + 8;
        int height = rows.size() * (ch + GAP) + 8;
        BufferedImage all = new BufferedImage(n * (cw + 2), rows.size() * (ch + GAP), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D ag = all.createGraphics();
        ag.setColor(Color.WHITE);
        ag.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int r = 0; r < rows.size(); r++) {
            BufferedImage strip = rows.get(r);
            for (int i = 0; i < n; i++) {
                ag.drawImage(strip.getSubimage(i * shape.width(), 0, shape.width(), shape.height()), i * (cw + 2),
                        r * (ch + GAP), cw, ch, null);
            }
        }
        ag.dispose();
        return Canvas.render(name, title, caption, width, height, (g, w, h) -> {
            g.drawImage(all, LABEL_W, 4, null);
            g.setFont(Style.LABEL);
            g.setPaint(Style.INK);
            for (int r = 0; r < labels.size(); r++) {
                String l = labels.get(r);
                while (g.getFontMetrics().stringWidth(l) > LABEL_W - 10 && l.length() > 4) {
                    l = l.substring(0, l.length() - 2) + "…";
                    l = l.replace("……", "…");
                }
                g.drawString(l, 4, 4 + r * (ch + GAP) + ch / 2 + 4);
            }
        });
    }

    /** One scatter panel per selection: the 2-D PCA projection of its fixed test codes, coloured by class. */
    public static Optional<Figure> codes(Analysis a, String name) {
        Map<BlockResult, TrialArtifact> arts = artifacts(a);
        if (arts.isEmpty()) {
            return Optional.empty();
        }
        int cols = Math.min(3, arts.size());
        int rowsN = (arts.size() + cols - 1) / cols;
        int pw = 300;
        int ph = 270;
        int legendH = 46;
        int width = cols * pw;
        int height = rowsN * ph + legendH;
        List<JFreeChart> charts = new ArrayList<>();
        int maxLabel = 0;
        for (Map.Entry<BlockResult, TrialArtifact> e : arts.entrySet()) {
            TrialArtifact t = e.getValue();
            Map<Integer, XYSeries> byClass = new java.util.TreeMap<>();
            for (int i = 0; i < t.codeLabels().length; i++) {
                byClass.computeIfAbsent(t.codeLabels()[i], k -> new XYSeries("c" + k, false)).add(t.codeX()[i], t.codeY()[i]);
                maxLabel = Math.max(maxLabel, t.codeLabels()[i]);
            }
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
            r.setDrawOutlines(false); // filled marks only: an outline per point doubles the SVG
            int s = 0;
            for (Map.Entry<Integer, XYSeries> c : byClass.entrySet()) {
                data.addSeries(c.getValue());
                r.setSeriesPaint(s, Style.translucent(Style.color(c.getKey()), 190));
                r.setSeriesShape(s, new Rectangle2D.Double(-1.8, -1.8, 3.6, 3.6));
                s++;
            }
            XYPlot plot = new XYPlot(data, Axes.linear("PC 1", false), Axes.linear("PC 2", false), r);
            Style.plot(plot);
            plot.getDomainAxis().setTickLabelsVisible(false);
            plot.getRangeAxis().setTickLabelsVisible(false);
            JFreeChart chart = Style.chart(null, plot, false);
            chart.setTitle(new org.jfree.chart.title.TextTitle(e.getKey().selectedLabel(), Style.LABEL));
            charts.add(chart);
        }
        int classes = maxLabel + 1;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(className(a, c));
        }
        return Optional.of(Canvas.render(name, "Codes by class", "A fixed subset of test images (the same for every "
                        + "model): each selected model's codes projected on their first two principal components, coloured by class.",
                width, height, (g, w, h) -> {
                    for (int i = 0; i < charts.size(); i++) {
                        charts.get(i).draw(g, new Rectangle2D.Double((i % cols) * pw, (i / cols) * ph, pw, ph));
                    }
                    g.setFont(Style.SMALL);
                    int per = Math.min(classes, 5);
                    int colW = w / per;
                    for (int c = 0; c < classes; c++) {
                        int x = 10 + (c % per) * colW;
                        int y = rowsN * ph + 12 + (c / per) * 18;
                        g.setPaint(Style.color(c));
                        g.fill(new Ellipse2D.Double(x, y - 8, 9, 9));
                        g.setPaint(Style.INK);
                        g.drawString(names.get(c), x + 14, y);
                    }
                }));
    }
}
