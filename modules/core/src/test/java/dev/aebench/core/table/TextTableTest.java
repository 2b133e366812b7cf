package dev.aebench.core.table;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextTableTest {
    @Test
    void alignsTextLeftAndNumbersRightUnderARule() {
        String t = TextTable.withHeader("model", "test MSE", "note").leftAligned(0, 2)
                .row("ae", "0.01054", "plain")
                .row("pca", "0.003", "")
                .render();
        assertEquals("""
                model  test MSE  note
                -----  --------  -----
                ae      0.01054  plain
                pca       0.003
                """, t);
    }

    @Test
    void withoutRuleAndWithShortRows() {
        String t = TextTable.withHeader("a", "bb").rule(false).row("1").row("22", "3").render();
        assertEquals(" a  bb\n 1\n22   3\n", t);
    }

    @Test
    void rejectsRowsWiderThanTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> TextTable.withHeader("a").row("1", "2"));
    }
}
