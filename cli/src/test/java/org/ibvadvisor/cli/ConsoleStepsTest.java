package org.ibvadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleStepsTest {

    private static List<String> lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void off_a_terminal_a_plain_line_is_printed_at_the_first_step_and_at_each_new_tenth() {
        var bytes = new ByteArrayOutputStream();
        try (var steps = new ConsoleSteps(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "answer", " questions", 40)) {
            for (int done = 1; done <= 40; done++) {
                int d = done;
                steps.stepTo(done, "q" + done, percent -> d + "/40 " + percent + "%");
            }
        }

        List<String> lines = lines(bytes);
        assertEquals(11, lines.size(), "the first step, then one line per tenth, none between: " + lines);
        assertEquals("1/40 0%", lines.getFirst());
        assertEquals("4/40 10%", lines.get(1));
        assertEquals("40/40 100%", lines.getLast());
    }

    @Test
    void on_a_terminal_a_bar_is_drawn_instead_of_lines() {
        var bytes = new ByteArrayOutputStream();
        try (var steps = new ConsoleSteps(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "embed", " chunks", 5)) {
            for (int done = 1; done <= 5; done++) steps.stepTo(done, "report", percent -> "plain line " + percent);
        }

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("embed") && shown.contains("5/5"), shown);
        assertTrue(!shown.contains("plain line"), shown);
    }
}
