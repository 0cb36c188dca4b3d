package org.ibvadvisor.eval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksFileTest {
    @Test
    void a_section_is_appended_then_replaced_in_place_and_hand_written_text_stays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("BENCHMARKS.md");
        Files.writeString(file, "# Benchmarks\n\nHand-written intro.\n");
        BenchmarksFile benchmarks = new BenchmarksFile(file);

        benchmarks.write("ingest", "## Ingest\n\nold figures\n");
        benchmarks.write("retrieve", "## Retrieve\n\nr figures\n");
        benchmarks.write("ingest", "## Ingest\n\nnew figures\n");

        assertEquals("""
                # Benchmarks

                Hand-written intro.

                <!-- bench:ingest -->
                ## Ingest

                new figures
                <!-- /bench:ingest -->

                <!-- bench:retrieve -->
                ## Retrieve

                r figures
                <!-- /bench:retrieve -->
                """, Files.readString(file));
    }

    @Test
    void a_missing_file_is_created_with_a_heading(@TempDir Path dir) {
        BenchmarksFile benchmarks = new BenchmarksFile(dir.resolve("sub").resolve("B.md"));
        benchmarks.write("chat", "figures");
        assertEquals("# Benchmarks\n\n<!-- bench:chat -->\nfigures\n<!-- /bench:chat -->\n", benchmarks.read());
    }

    @Test
    void a_section_name_that_could_break_the_markers_is_refused(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> new BenchmarksFile(dir.resolve("B.md")).write("a -->", "x"));
    }
}
