package dev.aebench.core.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trial's measurements by name, in the order they were added: each value a number or a
 * short list of numbers (a loss curve, a spectrum, a curve over radii). Non-finite numbers are
 * kept in memory (a missing figure is NaN) and written as JSON {@code null}. Not thread-safe;
 * built by one trial.
 */
public final class Metrics {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Metrics put(String name, double value) {
        values.put(check(name), value);
        return this;
    }

    public Metrics putList(String name, List<? extends Number> list) {
        List<Double> copy = new ArrayList<>(list.size());
        for (Number n : list) {
            copy.add(n.doubleValue());
        }
        values.put(check(name), Collections.unmodifiableList(copy));
        return this;
    }

    /** Every number of {@code m} (as {@link #put}); names already present are replaced. */
    public Metrics putAll(Map<String, Double> m) {
        m.forEach(this::put);
        return this;
    }

    public Metrics putAll(Metrics other) {
        values.putAll(other.values);
        return this;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The number called {@code name}, or NaN when absent or a list. */
    public double number(String name) {
        return values.get(name) instanceof Double d ? d : Double.NaN;
    }

    /** The list called {@code name}, or an empty list. */
    @SuppressWarnings("unchecked")
    public List<Double> list(String name) {
        return values.get(name) instanceof List<?> l ? (List<Double>) l : List.of();
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The names of the numbers only, in order. */
    public List<String> numberNames() {
        return values.entrySet().stream().filter(e -> e.getValue() instanceof Double).map(Map.Entry::getKey).toList();
    }

    /** For a JSON object: numbers (integral ones as integers, non-finite as null), lists as lists (non-finite elements as null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof Double d) {
                m.put(e.getKey(), json(d));
            } else {
                List<Double> out = new ArrayList<>();
                for (Object o : (List<?>) e.getValue()) {
                    double d = (Double) o;
                    out.add(Double.isFinite(d) ? d : null);
                }
                m.put(e.getKey(), out);
            }
        }
        return m;
    }

    /** A count stays an integer in JSON ({@code 402448}, not {@code 402448.0}); non-finite becomes null. */
    private static Object json(double d) {
        if (!Double.isFinite(d)) {
            return null;
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }

    /** Rebuilt from {@link #toMap()}'s shape: numbers (null as NaN) and lists of numbers; anything else is skipped. */
    public static Metrics fromMap(Map<String, ?> m) {
        Metrics out = new Metrics();
        for (Map.Entry<String, ?> e : m.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                out.put(e.getKey(), Double.NaN);
            } else if (v instanceof Number n) {
                out.put(e.getKey(), n.doubleValue());
            } else if (v instanceof List<?> l && l.stream().allMatch(x -> x == null || x instanceof Number)) {
                out.putList(e.getKey(), l.stream().map(x -> x == null ? Double.NaN : ((Number) x).doubleValue()).toList());
            }
        }
        return out;
    }

    private static String check(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("metric name: expected snake_case, found " + name);
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metrics other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
