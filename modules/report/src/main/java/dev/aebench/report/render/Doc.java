package dev.aebench.report.render;

import dev.aebench.report.figure.Figure;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as a format-neutral list of parts, written once and rendered as Markdown and as
 * HTML. Text may hold two inline marks: {@code `code`} and {@code **bold**}.
 */
final class Doc {
    sealed interface Part permits Heading, Para, Bullets, Table, FigurePart {
    }

    record Heading(int level, String text, String anchor) implements Part {
    }

    record Para(String text) implements Part {
    }

    record Bullets(List<String> items) implements Part {
        Bullets {
            items = List.copyOf(items);
        }
    }

    /** A table; {@code numeric[i]} right-aligns column i. */
    record Table(List<String> header, boolean[] numeric, List<List<String>> rows) implements Part {
        Table {
            header = List.copyOf(header);
            numeric = numeric.clone();
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    record FigurePart(Figure figure) implements Part {
    }

    private final String title;
    private final List<Part> parts = new ArrayList<>();

    Doc(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    List<Part> parts() {
        return parts;
    }

    void h(int level, String text) {
        parts.add(new Heading(level, text, anchor(text)));
    }

    void p(String text) {
        parts.add(new Para(text));
    }

    void bullets(List<String> items) {
        if (!items.isEmpty()) {
            parts.add(new Bullets(items));
        }
    }

    void table(List<String> header, boolean[] numeric, List<List<String>> rows) {
        parts.add(new Table(header, numeric, rows));
    }

    void figure(Figure f) {
        parts.add(new FigurePart(f));
    }

    /** The number of parts so far: a place for {@link #insert}. */
    int size() {
        return parts.size();
    }

    /** Writes parts with {@code writer} and places them at {@code at}, a {@link #size()} taken earlier. */
    void insert(int at, java.util.function.Consumer<Doc> writer) {
        Doc d = new Doc(title);
        writer.accept(d);
        parts.addAll(at, d.parts);
    }

    static String anchor(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
