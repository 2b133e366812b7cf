package dev.aebench.report.render;

import java.util.List;

/** Renders a {@link Doc} as Markdown that code-hosting sites display: pipe tables, figures as relative SVG images. */
final class MarkdownFormat {
    private MarkdownFormat() {
    }

    static String render(Doc doc) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(doc.title()).append("\n\n");
        for (Doc.Part part : doc.parts()) {
            switch (part) {
                case Doc.Heading h -> sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
                case Doc.Para p -> sb.append(p.text()).append("\n\n");
                case Doc.Bullets b -> {
                    b.items().forEach(i -> sb.append("- ").append(i).append('\n'));
                    sb.append('\n');
                }
                case Doc.Table t -> table(sb, t);
                case Doc.FigurePart f -> sb.append("![").append(f.figure().title()).append("](figures/")
                        .append(f.figure().name()).append(".svg)\n\n*").append(f.figure().caption())
                        .append("* ([PNG](figures/").append(f.figure().name()).append(".png))\n\n");
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, Doc.Table t) {
        row(sb, t.header());
        sb.append('|');
        for (int i = 0; i < t.header().size(); i++) {
            sb.append(t.numeric()[i] ? " ---: |" : " --- |");
        }
        sb.append('\n');
        t.rows().forEach(r -> row(sb, r));
        sb.append('\n');
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        sb.append('\n');
    }
}
