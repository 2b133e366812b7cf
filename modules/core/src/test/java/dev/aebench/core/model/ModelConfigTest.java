package dev.aebench.core.model;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelConfigTest {

    /** A tiny family with one hyperparameter of each kind. */
    static final class TinyFamily implements ModelFamily {
        @Override
        public String name() {
            return "tiny";
        }

        @Override
        public String summary() {
            return "a test family";
        }

        @Override
        public List<HyperParameter> hyperParameters() {
            return List.of(
                    HyperParameter.integer("batch", 128, 1, 65536, "mini-batch size"),
                    HyperParameter.real("lr", 1e-3, 1e-7, 10, "learning rate"),
                    HyperParameter.choice("activation", "sigmoid", "hidden activation", "sigmoid", "relu", "tanh"),
                    HyperParameter.bool("tied", false, "tied weights"),
                    HyperParameter.text("hidden", "256", "layer sizes",
                            v -> v.matches("[0-9]+(,[0-9]+)*") ? null : "comma-separated layer sizes such as 512,128"));
        }

        @Override
        public Autoencoder create(ModelConfig config, ModelContext context) {
            throw new UnsupportedOperationException("not needed");
        }
    }

    private static final ModelFamily TINY = new TinyFamily();

    private static ModelConfig resolve(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return ModelConfig.resolve(TINY, m);
    }

    private static String error(String... kv) {
        UserError e = assertThrows(UserError.class, () -> resolve(kv));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static void contains(String message, String... fragments) {
        for (String f : fragments) {
            assertTrue(message.contains(f), "'" + f + "' in: " + message);
        }
    }

    @Test
    void appliesDefaultsInDeclarationOrder() {
        ModelConfig c = resolve();
        assertEquals("tiny", c.family());
        assertEquals(List.of("batch", "lr", "activation", "tied", "hidden"), List.copyOf(c.values().keySet()));
        assertEquals(128, c.getInt("batch"));
        assertEquals(1e-3, c.getDouble("lr"));
        assertEquals("sigmoid", c.get("activation"));
        assertFalse(c.getBool("tied"));
        assertEquals("256", c.get("hidden"));
        assertThrows(UnsupportedOperationException.class, () -> c.values().put("batch", "1"), "immutable");
        assertThrows(IllegalArgumentException.class, () -> c.get("nope"));
    }

    @Test
    void userValuesOverrideDefaults() {
        ModelConfig c = resolve("batch", "64", "tied", "true");
        assertEquals(64, c.getInt("batch"));
        assertTrue(c.getBool("tied"));
        assertEquals("sigmoid", c.get("activation"), "others keep their defaults");
    }

    @Test
    void normalisesValues() {
        ModelConfig c = resolve("batch", " 0064 ", "lr", "1e-2", "activation", "ReLU", "tied", "TRUE", "hidden", " 512,128 ");
        assertEquals("64", c.get("batch"));
        assertEquals("0.01", c.get("lr"));
        assertEquals("relu", c.get("activation"));
        assertEquals("true", c.get("tied"));
        assertEquals("512,128", c.get("hidden"));
        // equal settings written differently resolve to equal configurations
        assertEquals(c, resolve("batch", "64", "lr", "0.010", "activation", "relu", "tied", "true", "hidden", "512,128"));
    }

    @Test
    void rejectsUnknownKeysWithASuggestion() {
        String m = error("lrr", "0.1");
        contains(m, "unknown hyperparameter 'lrr'", "tiny", "did you mean 'lr'?", "batch, lr, activation, tied, hidden");
        String m2 = error("activaton", "relu");
        contains(m2, "did you mean 'activation'?");
        String m3 = error("zzzzzzzz", "1");
        contains(m3, "unknown hyperparameter 'zzzzzzzz'");
        assertFalse(m3.contains("did you mean"), m3);
    }

    @Test
    void rejectsMalformedIntegers() {
        contains(error("batch", "abc"), "batch", "tiny", "expected an integer in [1, 65536]", "found 'abc'");
        contains(error("batch", "12.5"), "batch", "expected an integer", "found '12.5'");
        contains(error("batch", "99999999999999999999"), "batch", "expected an integer", "found '99999999999999999999'");
    }

    @Test
    void rejectsOutOfRangeIntegers() {
        contains(error("batch", "0"), "batch", "expected an integer in [1, 65536]", "found 0");
        contains(error("batch", "65537"), "batch", "found 65537");
        contains(error("batch", "-5"), "batch", "found -5");
    }

    @Test
    void rejectsMalformedAndOutOfRangeReals() {
        contains(error("lr", "fast"), "lr", "expected a number in [", "found 'fast'");
        contains(error("lr", "100"), "lr", "expected a number in [", "10]", "found 100");
        contains(error("lr", "0"), "lr", "found 0");
        contains(error("lr", "NaN"), "lr", "found NaN");
        contains(error("lr", "Infinity"), "lr", "found Infinity");
    }

    @Test
    void rejectsUnknownChoicesAndBooleans() {
        contains(error("activation", "elu"), "activation", "expected one of sigmoid, relu, tanh", "found 'elu'");
        contains(error("tied", "yes"), "tied", "expected one of true, false", "found 'yes'");
    }

    @Test
    void rejectsTextThatFailsItsCheck() {
        contains(error("hidden", "big"), "hidden", "expected comma-separated layer sizes such as 512,128", "found 'big'");
    }

    @Test
    void expectationsDescribeTheRange() {
        assertEquals("an integer in [1, 65536]", HyperParameter.integer("b", 1, 1, 65536, "x").expectation());
        assertEquals("a number in [0.5, 10]", HyperParameter.real("r", 1, 0.5, 10, "x").expectation());
        assertEquals("one of a, b", HyperParameter.choice("c", "a", "x", "a", "b").expectation());
        assertThrows(IllegalArgumentException.class, () -> HyperParameter.integer("Bad-Name", 1, 0, 2, "x"));
    }

    @Test
    void closestFindsNearNames() {
        Set<String> names = new java.util.LinkedHashSet<>(List.of("batch", "lr", "activation", "tied", "hidden"));
        assertEquals("lr", Names.closest("lrr", names));
        assertEquals("lr", Names.closest("LR", names), "case-insensitive");
        assertEquals("batch", Names.closest("bacth", names), "a transposition is distance 2");
        assertEquals("activation", Names.closest("activaton", names));
        assertEquals("hidden", Names.closest("hiden", names));
        assertEquals("tied", Names.closest("tide", names));
    }

    @Test
    void closestGivesUpWhenTooFar() {
        Set<String> names = Set.of("batch", "lr", "activation");
        assertNull(Names.closest("zzzzzzzz", names));
        assertNull(Names.closest("momentum", names));
        assertNull(Names.closest("x", Set.of()), "no candidates");
        // the limit is 2 edits, or a third of the length for long words
        assertEquals("abcdefghijkl", Names.closest("abcdefghiXYZ", Set.of("abcdefghijkl")), "3 edits in 12 letters");
        assertEquals("abcdefghi", Names.closest("abcdefXYZ", Set.of("abcdefghi")), "3 edits in 9 letters");
        assertNull(Names.closest("abcXYZ", Set.of("abcdef")), "3 edits in 6 letters is too many");
    }

    @Test
    void editDistance() {
        assertEquals(0, Names.distance("same", "same"));
        assertEquals(1, Names.distance("lr", "lrr"));
        assertEquals(3, Names.distance("kitten", "sitting"));
        assertEquals(5, Names.distance("", "abcde"));
    }

    @Test
    void registryNamesUnknownModels() {
        ModelRegistry registry = ModelRegistry.load();
        UserError e = assertThrows(UserError.class, () -> registry.get("no-such-model"));
        contains(e.getMessage(), "unknown model 'no-such-model'", "known models");
    }
}
