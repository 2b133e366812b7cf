package dev.aebench.report.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the pipe tables of a Markdown text: the first table after a heading, header first. */
public final class MarkdownTables {
    private MarkdownTables() {
    }

    /** The first table after the line {@code heading} (e.g. "## Results"), header row first, alignment row dropped. */
    public static List<List<String>> after(String markdown, String heading) {
        List<String> lines = markdown.lines().toList();
        int i = lines.indexOf(heading);
        if (i < 0) {
            throw new AssertionError("no heading '" + heading + "' in the report");
        }
        int level = level(heading);
        for (i++; i < lines.size() && !lines.get(i).startsWith("|"); i++) {
            if (lines.get(i).startsWith("#") && level(lines.get(i)) <= level) {
                throw new AssertionError("no table under '" + heading + "'");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            if (!cells.stream().allMatch(c -> c.matches("-+:?"))) {
                rows.add(cells);
            }
        }
        return rows;
    }

    private static int level(String line) {
        return (int) line.chars().takeWhile(c -> c == '#').count();
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return Arrays.stream(inner.split("(?<!\\\\)\\|", -1)).map(c -> c.strip().replace("\\|", "|")).toList();
    }
}
