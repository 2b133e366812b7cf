package dev.aebench.report.render;

import java.util.List;

/**
 * Renders a {@link Doc} as one self-contained HTML page: inline CSS, figures as inline SVG (their
 * images as data URIs), no script and no reference to anything outside the file.
 */
final class HtmlFormat {
    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:#222;max-width:1180px;margin:2em auto;padding:0 1.2em;line-height:1.45;font-size:15px}
            h1{font-size:1.7em;border-bottom:2px solid #333;padding-bottom:.2em}
            h2{font-size:1.35em;margin-top:2em;border-bottom:1px solid #bbb;padding-bottom:.15em}
            h3{font-size:1.1em;margin-top:1.5em}
            table{border-collapse:collapse;margin:.8em 0 1.2em;font-size:13.5px}
            th,td{padding:.3em .7em;border-bottom:1px solid #ddd;vertical-align:top}
            th{border-bottom:2px solid #555;text-align:left;background:#f6f6f6}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr:hover td{background:#fafafa}
            code{font-family:"DejaVu Sans Mono",monospace;font-size:.92em;background:#f3f3f3;padding:0 .2em}
            figure{margin:1.2em 0 2em}
            figure svg{max-width:100%;height:auto;display:block}
            figcaption{font-size:13px;color:#444;margin-top:.4em;max-width:900px}
            nav{font-size:13px;margin:.5em 0 1.5em}
            nav a{margin-right:1em}
            """;

    private HtmlFormat() {
    }

    static String render(Doc doc) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(doc.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(doc.title())).append("</h1>\n<nav>");
        for (Doc.Part part : doc.parts()) {
            if (part instanceof Doc.Heading h && h.level() == 2) {
                sb.append("<a href=\"#").append(h.anchor()).append("\">").append(esc(h.text())).append("</a>");
            }
        }
        sb.append("</nav>\n");
        for (Doc.Part part : doc.parts()) {
            switch (part) {
                case Doc.Heading h -> sb.append("<h").append(h.level()).append(" id=\"").append(h.anchor()).append("\">")
                        .append(inline(h.text())).append("</h").append(h.level()).append(">\n");
                case Doc.Para p -> sb.append("<p>").append(inline(p.text())).append("</p>\n");
                case Doc.Bullets b -> {
                    sb.append("<ul>\n");
                    b.items().forEach(i -> sb.append("<li>").append(inline(i)).append("</li>\n"));
                    sb.append("</ul>\n");
                }
                case Doc.Table t -> table(sb, t);
                case Doc.FigurePart f -> sb.append("<figure id=\"fig-").append(f.figure().name()).append("\">\n")
                        .append(f.figure().svg()).append("\n<figcaption>").append(inline(f.figure().caption()))
                        .append("</figcaption>\n</figure>\n");
            }
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, Doc.Table t) {
        sb.append("<table>\n<thead><tr>");
        cells(sb, "th", t.header(), t.numeric());
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : t.rows()) {
            sb.append("<tr>");
            cells(sb, "td", r, t.numeric());
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void cells(StringBuilder sb, String tag, List<String> cells, boolean[] numeric) {
        for (int i = 0; i < cells.size(); i++) {
            sb.append('<').append(tag).append(numeric[i] ? " class=\"n\"" : "").append('>').append(inline(cells.get(i)))
                    .append("</").append(tag).append('>');
        }
    }

    /** Escapes, then turns {@code `code`} and {@code **bold**} into elements. */
    static String inline(String text) {
        String s = esc(text);
        s = s.replaceAll("`([^`]+)`", "<code>$1</code>");
        s = s.replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>");
        s = s.replaceAll("(?<![\\w*])\\*([^*\\s][^*]*)\\*(?![\\w*])", "<em>$1</em>");
        return s;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
