package dev.aebench.runner.experiment;

import dev.aebench.core.error.UserError;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one-line error for a bad field of an experiment file:
 * {@code FILE: PATH: expected WHAT, found VALUE}, as a {@link UserError}.
 */
public final class FieldProblem {
    private static final int MAX_FOUND = 60;

    private FieldProblem() {
    }

    /** {@code file: path: expected ..., found ...}; {@code found} is rendered as YAML-like text. */
    public static UserError at(Path file, String path, String expected, Object found) {
        return new UserError(prefix(file, path) + "expected " + expected + ", found " + describe(found));
    }

    /** {@code file: path: message} for messages that already say what was expected and found. */
    public static UserError message(Path file, String path, String message) {
        return new UserError(prefix(file, path) + message);
    }

    private static String prefix(Path file, String path) {
        return file + ": " + (path == null || path.isEmpty() ? "" : path + ": ");
    }

    /** A short YAML-like rendering of a parsed value: text quoted, lists in brackets, maps in braces. */
    public static String describe(Object value) {
        String s = render(value);
        return s.length() > MAX_FOUND ? s.substring(0, MAX_FOUND - 3) + "..." : s;
    }

    private static String render(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof List<?> list) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (Object o : list) {
                j.add(render(o));
            }
            return j.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                j.add(e.getKey() + ": " + render(e.getValue()));
            }
            return j.toString();
        }
        return String.valueOf(value);
    }
}
