package dev.aebench.core.objective;

import dev.aebench.core.error.UserError;
import dev.aebench.core.model.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Penalties and corruptions found on the class path, and the parser for their specs:
 * {@code name:level} for a corruption ({@code none} for no corruption) and
 * {@code name:weight[:param...]} joined by {@code +} for penalties, such as
 * {@code contractive:0.1+l2:1e-4}.
 */
public final class ObjectiveRegistry {
    private final Map<String, PenaltyProvider> penalties = new TreeMap<>();
    private final Map<String, CorruptionProvider> corruptions = new TreeMap<>();

    private ObjectiveRegistry() {
    }

    public static ObjectiveRegistry load() {
        ObjectiveRegistry r = new ObjectiveRegistry();
        for (PenaltyProvider p : ServiceLoader.load(PenaltyProvider.class)) {
            r.penalties.put(p.name(), p);
        }
        for (CorruptionProvider c : ServiceLoader.load(CorruptionProvider.class)) {
            r.corruptions.put(c.name(), c);
        }
        return r;
    }

    public List<PenaltyProvider> penalties() {
        return new ArrayList<>(penalties.values());
    }

    public List<CorruptionProvider> corruptions() {
        return new ArrayList<>(corruptions.values());
    }

    /** A parsed {@code name:number[:number...]} term. */
    public record Term(String name, List<Double> numbers) {
    }

    /** Checks a corruption spec; returns null when fine, else what was expected. */
    public String checkCorruption(String spec) {
        try {
            parseCorruption(spec);
            return null;
        } catch (UserError e) {
            return e.getMessage();
        }
    }

    /** Checks a penalty spec syntactically; returns null when fine, else what was expected. */
    public String checkPenalty(String spec) {
        try {
            parsePenalty(spec);
            return null;
        } catch (UserError e) {
            return e.getMessage();
        }
    }

    /** The corruption a spec names, or null for {@code none}. */
    public Corruption corruption(String spec) {
        Term t = parseCorruption(spec);
        return t == null ? null : corruptions.get(t.name()).create(t.numbers().get(0));
    }

    /** The penalties a spec names (empty for {@code none}), bound to an encoder. */
    public List<Penalty> penalties(String spec, EncoderState encoder) {
        List<Penalty> out = new ArrayList<>();
        for (Term t : parsePenalty(spec)) {
            out.add(penalties.get(t.name()).create(t.numbers().get(0), t.numbers().subList(1, t.numbers().size()), encoder));
        }
        return out;
    }

    private Term parseCorruption(String spec) {
        String s = spec.trim();
        if (s.isEmpty() || s.equals("none")) {
            return null;
        }
        Term t = parseTerm(s, corruptions.keySet(), "corruption");
        if (t.numbers().size() != 1) {
            throw new UserError("corruption name:level such as gaussian:0.5 (one number)");
        }
        return t;
    }

    private List<Term> parsePenalty(String spec) {
        String s = spec.trim();
        List<Term> out = new ArrayList<>();
        if (s.isEmpty() || s.equals("none")) {
            return out;
        }
        for (String part : s.split("\\+")) {
            out.add(parseTerm(part.trim(), penalties.keySet(), "penalty"));
        }
        return out;
    }

    private static Term parseTerm(String s, java.util.Set<String> known, String what) {
        String[] parts = s.split(":");
        String name = parts[0].trim();
        if (!known.contains(name)) {
            String near = Names.closest(name, known);
            throw new UserError(what + " name:number such as " + (what.equals("penalty") ? "contractive:0.1" : "gaussian:0.5")
                    + " with a known " + what + " (" + String.join(", ", known) + ")"
                    + (near != null ? "; did you mean '" + near + "'?" : "") + "; unknown " + what + " '" + name + "'");
        }
        if (parts.length < 2) {
            throw new UserError(what + " " + name + " with a number after a colon, such as " + name + ":0.1");
        }
        List<Double> nums = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            try {
                double d = Double.parseDouble(parts[i].trim());
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                nums.add(d);
            } catch (NumberFormatException e) {
                throw new UserError(what + " " + name + " with numeric parameters, not '" + parts[i] + "'");
            }
        }
        return new Term(name, nums);
    }
}
