package dev.aebench.report.figure;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanvasTest {
    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void compactedStylesGiveEveryElementItsOriginalStyle() throws Exception {
        Figure f = Canvas.render("demo", "Demo", "", 60, 40, (g, w, h) -> {
            for (int i = 0; i < 5; i++) {
                g.setPaint(i % 2 == 0 ? Color.RED : Color.BLUE);
                g.fillRect(i * 10, 5, 8, 8);
                g.drawLine(0, i, w, i);
            }
        });
        String compact = f.svg();
        assertFalse(compact.contains(" style='"), "no style attribute is left");
        Document doc = parse(compact);
        NodeList sheets = doc.getElementsByTagName("style");
        assertEquals(1, sheets.getLength(), "one style sheet");
        Map<String, String> rules = new HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.([\\w-]+)\\{([^}]*)}").matcher(sheets.item(0).getTextContent());
        while (m.find()) {
            assertTrue(m.group(1).startsWith("demo-s"), "class carries the figure's name: " + m.group(1));
            rules.put(m.group(1), m.group(2));
        }

        // the same drawing without compaction, element by element: class -> rule equals the style attribute
        org.jfree.svg.SVGGraphics2D svg = new org.jfree.svg.SVGGraphics2D(60, 40);
        svg.setDefsKeyPrefix("demo-");
        svg.setGeomDoubleConverter(v -> Canvas.decimals(v, 10));
        svg.setTransformDoubleConverter(v -> Canvas.decimals(v, 1000));
        svg.setPaint(Color.WHITE);
        svg.fillRect(0, 0, 60, 40);
        for (int i = 0; i < 5; i++) {
            svg.setPaint(i % 2 == 0 ? Color.RED : Color.BLUE);
            svg.fillRect(i * 10, 5, 8, 8);
            svg.drawLine(0, i, 60, i);
        }
        Document original = parse(svg.getSVGElement("demo", true, new org.jfree.svg.ViewBox(0, 0, 60, 40), null, null));
        NodeList a = original.getElementsByTagName("*");
        NodeList b = doc.getElementsByTagName("*");
        int styled = 0;
        for (int i = 0, j = 0; i < a.getLength(); i++, j++) {
            Element ea = (Element) a.item(i);
            Element eb = (Element) b.item(j);
            if (eb.getTagName().equals("style")) {
                eb = (Element) b.item(++j);
            }
            assertEquals(ea.getTagName(), eb.getTagName(), "element " + i);
            if (ea.hasAttribute("style")) {
                assertEquals(ea.getAttribute("style"), rules.get(eb.getAttribute("class")), "element " + i + "'s style");
                styled++;
            }
        }
        assertTrue(styled >= 10, "the drawing has styled elements: " + styled);
        assertTrue(rules.size() < styled, "repeated styles are defined once: " + rules.size() + " rules for " + styled);
    }
}
