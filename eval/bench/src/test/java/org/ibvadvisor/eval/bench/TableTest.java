package org.ibvadvisor.eval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void markdown_escapes_pipes_and_text_aligns_chinese_as_double_width() {
        Table table = new Table("measure", "ms").row("检索", 3.5).row("a|b", "12");

        assertEquals("| measure | ms |\n| --- | --- |\n| 检索 | 3.5 |\n| a\\|b | 12 |\n", table.markdown());
        assertEquals("measure  ms\n检索     3.5\na|b      12\n", table.text());
    }

    @Test
    void a_row_must_fill_every_column() {
        assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").row("only one"));
    }
}
