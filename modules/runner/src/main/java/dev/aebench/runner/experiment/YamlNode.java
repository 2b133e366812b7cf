package dev.aebench.runner.experiment;

import dev.aebench.core.error.UserError;
import dev.aebench.core.model.Names;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value together with the file and the path it came from ({@code models[2].grid}),
 * with typed accessors that fail with a {@link FieldProblem} line.
 */
final class YamlNode {
    private final Path file;
    private final String path;
    private final Object value;

    YamlNode(Path file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    String path() {
        return path;
    }

    Path file() {
        return file;
    }

    Object raw() {
        return value;
    }

    UserError problem(String expected) {
        return FieldProblem.at(file, path, expected, value);
    }

    boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    boolean isList() {
        return value instanceof List<?>;
    }

    /** The entries of a mapping, keys as text, in file order. */
    Map<String, YamlNode> map(String expected) {
        if (!(value instanceof Map<?, ?> m)) {
            throw problem(expected);
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            out.put(key, new YamlNode(file, child(key), e.getValue()));
        }
        return out;
    }

    /** Like {@link #map} but rejects any key not in {@code allowed}, suggesting the nearest one. */
    Map<String, YamlNode> strictMap(String expected, List<String> allowed) {
        Map<String, YamlNode> m = map(expected);
        for (String key : m.keySet()) {
            if (!allowed.contains(key)) {
                String near = Names.closest(key, allowed);
                throw FieldProblem.message(file, child(key), "expected a key among " + String.join(", ", allowed)
                        + ", found '" + key + "'" + (near != null ? " (did you mean '" + near + "'?)" : ""));
            }
        }
        return m;
    }

    List<YamlNode> list(String expected, boolean nonEmpty) {
        if (!(value instanceof List<?> l) || (nonEmpty && l.isEmpty())) {
            throw problem(expected);
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    String text(String expected, String regex) {
        if (!(value instanceof String s) || !s.matches(regex)) {
            throw problem(expected);
        }
        return s;
    }

    long integer(long min, long max) {
        String expected = max == Long.MAX_VALUE ? "an integer >= " + min : "an integer in [" + min + ", " + max + "]";
        if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
            throw problem(expected);
        }
        BigInteger v = new BigInteger(value.toString());
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw problem(expected);
        }
        return v.longValue();
    }

    double number(String expected) {
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof String s) {
            // YAML 1.1 reads 1e-4 (no dot) as text; accept it as the number it plainly is.
            try {
                double d = Double.parseDouble(s.trim());
                if (Double.isFinite(d) && s.trim().matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw problem(expected);
    }

    boolean bool() {
        if (!(value instanceof Boolean b)) {
            throw problem("true or false");
        }
        return b;
    }

    /** A hyperparameter value: a single text, number or boolean, as text. */
    String scalar() {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger || value instanceof Double) {
            return value.toString();
        }
        throw problem("a single value (text, number or true/false)");
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
