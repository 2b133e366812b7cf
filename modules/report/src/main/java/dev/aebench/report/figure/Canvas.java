package dev.aebench.report.figure;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Paints a figure twice with the same {@link Painter}: into JFreeSVG's SVG graphics (ids
 * prefixed with the figure's name, so that figures inlined in one page never share an id, and
 * no clock or random number in the output) and into a bitmap of the same size encoded as PNG (1x keeps a committed report small).
 */
final class Canvas {
    static final int PNG_SCALE = 1;

    /** Draws a figure on a Graphics2D of the given size, white background already painted. */
    interface Painter {
        void paint(Graphics2D g, int width, int height);
    }

    private Canvas() {
    }

    /** {@code v} rounded to 1/scale, written without a trailing ".0" (deterministic, locale-free). */
    static String decimals(double v, int scale) {
        long r = Math.round(v * scale);
        if (r == 0) {
            return "0";
        }
        long whole = Math.abs(r) / scale;
        long frac = Math.abs(r) % scale;
        StringBuilder b = new StringBuilder(r < 0 ? "-" : "").append(whole);
        if (frac != 0) {
            String digits = Long.toString(frac + scale).substring(1);
            b.append('.').append(digits.replaceAll("0+$", ""));
        }
        return b.toString();
    }

    private static final java.util.regex.Pattern STYLE = java.util.regex.Pattern.compile(" style='([^']*)'");

    /**
     * {@code svg} with each distinct {@code style} attribute replaced by a class (named after the
     * figure, numbered in order of first use) defined once in a {@code <style>} element: JFreeSVG
     * repeats the whole style string on every element, over half of a chart's bytes. The classes
     * carry the figure's name because a page that inlines several figures shares one style sheet.
     */
    static String compactStyles(String name, String svg) {
        java.util.Map<String, String> classes = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = STYLE.matcher(svg);
        StringBuilder body = new StringBuilder(svg.length());
        while (m.find()) {
            String cls = classes.computeIfAbsent(m.group(1), k -> name + "-s" + classes.size());
            m.appendReplacement(body, java.util.regex.Matcher.quoteReplacement(" class='" + cls + "'"));
        }
        m.appendTail(body);
        if (classes.isEmpty()) {
            return svg;
        }
        StringBuilder sheet = new StringBuilder("<style>");
        classes.forEach((style, cls) -> sheet.append('.').append(cls).append('{').append(style).append('}'));
        sheet.append("</style>");
        int open = body.indexOf(">", body.indexOf("<svg")) + 1;
        return body.insert(open, sheet).toString();
    }

    static Figure render(String name, String title, String caption, int width, int height, Painter painter) {
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        svg.setDefsKeyPrefix(name + "-");
        // A tenth of a pixel is below what any screen shows; JFreeSVG's default writes up to 17
        // digits, which makes a scatter of a thousand points a megabyte.
        svg.setGeomDoubleConverter(v -> decimals(v, 10));
        svg.setTransformDoubleConverter(v -> decimals(v, 1000));
        svg.setPaint(Color.WHITE);
        svg.fillRect(0, 0, width, height);
        painter.paint(svg, width, height);
        String element = compactStyles(name, svg.getSVGElement(name, true, new ViewBox(0, 0, width, height), null, null));

        BufferedImage img = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(PNG_SCALE, PNG_SCALE);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, width, height);
            painter.paint(g, width, height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Figure(name, title, caption, width, height, element, out.toByteArray());
    }
}
