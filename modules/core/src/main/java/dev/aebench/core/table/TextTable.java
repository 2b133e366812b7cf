package dev.aebench.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An aligned plain-text table for terminals and logs: a header, optionally a rule of dashes
 * under it, and rows; text columns are left-aligned, the others right-aligned (numbers line up
 * on their last digit); cells are separated by two spaces and trailing blanks are trimmed.
 * Rows shorter than the header are padded with empty cells.
 */
public final class TextTable {
    private final List<String> header;
    private final boolean[] left;
    private final List<List<String>> rows = new ArrayList<>();
    private boolean rule = true;

    private TextTable(List<String> header) {
        this.header = List.copyOf(header);
        this.left = new boolean[header.size()];
    }

    /** A table with these column titles; every column right-aligned until {@link #leftAligned} says otherwise. */
    public static TextTable withHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        return new TextTable(header);
    }

    public static TextTable withHeader(String... header) {
        return withHeader(Arrays.asList(header));
    }

    /** Marks the columns at these indices as text (left-aligned). */
    public TextTable leftAligned(int... columns) {
        for (int c : columns) {
            left[c] = true;
        }
        return this;
    }

    /** Marks the first {@code n} columns as text (left-aligned). */
    public TextTable leftAlignedFirst(int n) {
        for (int c = 0; c < n; c++) {
            left[c] = true;
        }
        return this;
    }

    /** Whether a rule of dashes separates the header from the rows (default: yes). */
    public TextTable rule(boolean on) {
        this.rule = on;
        return this;
    }

    public TextTable row(List<String> cells) {
        if (cells.size() > header.size()) {
            throw new IllegalArgumentException("row of " + cells.size() + " cells in a table of " + header.size()
                    + " columns: " + cells);
        }
        List<String> r = new ArrayList<>(cells);
        while (r.size() < header.size()) {
            r.add("");
        }
        rows.add(r);
        return this;
    }

    public TextTable row(String... cells) {
        return row(Arrays.asList(cells));
    }

    public String render() {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = Math.max(1, header.get(c).length());
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        if (rule) {
            List<String> dashes = new ArrayList<>();
            for (int w : width) {
                dashes.add("-".repeat(w));
            }
            line(sb, dashes, width);
        }
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                l.append("  ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            l.append(left[c] ? cell + pad : pad + cell);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    @Override
    public String toString() {
        return render();
    }
}
