package dev.aebench.probe;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelledCodesTest {
    static void assertOneLineUserError(String expectedPart, Executable call) {
        UserError e = assertThrows(UserError.class, call);
        assertTrue(e.getMessage().contains(expectedPart), () -> "message was: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void countsClassesAndDistinctLabels() {
        LabelledCodes c = new LabelledCodes("training", new float[4], new int[] {0, 3, 3, 0}, 1);
        assertEquals(4, c.size());
        assertEquals(4, c.classes());
        assertEquals(2, c.distinctLabels());
    }

    @Test
    void rejectsCodesThatAreNotRowsOfTheDimension() {
        assertOneLineUserError("training set: 5 code values for 2 labels of dimension 3 (expected 6)",
                () -> new LabelledCodes("training", new float[5], new int[2], 3));
    }

    @Test
    void rejectsEmptySets() {
        assertOneLineUserError("test set: empty", () -> new LabelledCodes("test", new float[0], new int[0], 3));
    }

    @Test
    void rejectsNegativeLabels() {
        assertOneLineUserError("label -1 at row 1 is negative",
                () -> new LabelledCodes("training", new float[2], new int[] {0, -1}, 1));
    }

    @Test
    void rejectsNonFiniteCodes() {
        assertOneLineUserError("at row 1, column 0 is not finite",
                () -> new LabelledCodes("training", new float[] {0, 1, Float.NaN, 2}, new int[] {0, 1}, 2));
    }

    @Test
    void rejectsMissingArraysAndBadDimension() {
        assertOneLineUserError("codes missing", () -> new LabelledCodes("training", null, new int[1], 1));
        assertOneLineUserError("labels missing", () -> new LabelledCodes("training", new float[1], null, 1));
        assertOneLineUserError("dimension must be >= 1", () -> new LabelledCodes("training", new float[1], new int[1], 0));
    }
}
