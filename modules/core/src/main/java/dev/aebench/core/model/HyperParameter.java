package dev.aebench.core.model;

import java.util.List;
import java.util.function.Function;

/**
 * One named hyperparameter of a model family: its kind, default, allowed range or choices and a
 * one-line meaning. {@code aebench models}, {@code --set} and experiment validation all read it.
 *
 * @param check for {@link Kind#TEXT}, returns null when the value is acceptable or a short
 *              description of what was expected
 */
public record HyperParameter(String name, Kind kind, String defaultValue, double min, double max,
                             List<String> choices, String meaning, Function<String, String> check) {

    /** Value kinds. */
    public enum Kind { INT, REAL, CHOICE, BOOL, TEXT }

    public HyperParameter {
        choices = List.copyOf(choices);
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad hyperparameter name " + name);
        }
    }

    public static HyperParameter integer(String name, int def, int min, int max, String meaning) {
        return new HyperParameter(name, Kind.INT, Integer.toString(def), min, max, List.of(), meaning, null);
    }

    public static HyperParameter real(String name, double def, double min, double max, String meaning) {
        return new HyperParameter(name, Kind.REAL, Double.toString(def), min, max, List.of(), meaning, null);
    }

    public static HyperParameter choice(String name, String def, String meaning, String... choices) {
        return new HyperParameter(name, Kind.CHOICE, def, 0, 0, List.of(choices), meaning, null);
    }

    public static HyperParameter bool(String name, boolean def, String meaning) {
        return new HyperParameter(name, Kind.BOOL, Boolean.toString(def), 0, 0, List.of("true", "false"), meaning, null);
    }

    public static HyperParameter text(String name, String def, String meaning, Function<String, String> check) {
        return new HyperParameter(name, Kind.TEXT, def, 0, 0, List.of(), meaning, check);
    }

    /** What a valid value looks like, for messages and listings. */
    public String expectation() {
        return switch (kind) {
            case INT -> "an integer in [" + (long) min + ", " + (long) max + "]";
            case REAL -> "a number in [" + fmt(min) + ", " + fmt(max) + "]";
            case CHOICE, BOOL -> "one of " + String.join(", ", choices);
            case TEXT -> meaning;
        };
    }

    /** The canonical form of {@code raw}, or an error message (starting with "!") explaining the problem. */
    public String normalize(String raw) {
        String v = raw.trim();
        switch (kind) {
            case INT -> {
                long x;
                try {
                    x = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return "!expected " + expectation() + ", found '" + raw + "'";
                }
                if (x < min || x > max) {
                    return "!expected " + expectation() + ", found " + x;
                }
                return Long.toString(x);
            }
            case REAL -> {
                double x;
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return "!expected " + expectation() + ", found '" + raw + "'";
                }
                if (!Double.isFinite(x) || x < min || x > max) {
                    return "!expected " + expectation() + ", found " + raw;
                }
                return Double.toString(x);
            }
            case CHOICE, BOOL -> {
                for (String c : choices) {
                    if (c.equalsIgnoreCase(v)) {
                        return c;
                    }
                }
                return "!expected " + expectation() + ", found '" + raw + "'";
            }
            default -> {
                String problem = check == null ? null : check.apply(v);
                return problem == null ? v : "!expected " + problem + ", found '" + raw + "'";
            }
        }
    }

    private static String fmt(double d) {
        if (d == Double.MAX_VALUE) {
            return "inf";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
