package org.ibvadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibvadvisor.testing.BundledIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./advisor ingest}: what it prints, and how it fails on a folder that is not there. */
class IngestCommandTest {
    private static final String SMALL = "004_ffa638bad9eb796a";

    @TempDir
    Path temp;

    @Test
    void ingest_adds_a_new_report_then_finds_it_unchanged() throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        for (String suffix : new String[] {".txt", ".meta.json"}) {
            Files.copy(BundledIndex.corpus().resolve(SMALL + suffix), corpus.resolve(SMALL + suffix));
        }
        Path index = temp.resolve("index");

        CliRun first = CliRun.of("ingest", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("added:     1  genai-compute-economics"), first.out());
        assertTrue(first.out().contains("unchanged: 0"), first.out());
        assertTrue(first.out().contains("index: " + index), first.out());

        CliRun second = CliRun.of("ingest", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("added:     0"), second.out());
        assertTrue(second.out().contains("unchanged: 1  genai-compute-economics"), second.out());
        assertTrue(second.out().contains("nothing to do"), second.out());
    }

    @Test
    void ingest_of_a_missing_corpus_folder_fails_naming_it() {
        Path missing = temp.resolve("no-such-corpus");

        CliRun run = CliRun.of("ingest", "--corpus", missing.toString(), "--index", temp.resolve("index").toString());

        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains(missing.toString()) && run.err().contains("does not exist"), run.err());
        assertTrue(Files.notExists(temp.resolve("index")) || isEmpty(temp.resolve("index")), "no index was made");
    }

    @Test
    void ask_without_an_index_or_a_corpus_fails_naming_the_corpus_folder() {
        Path missing = temp.resolve("no-such-corpus");

        CliRun run = CliRun.of("ask", "--index", temp.resolve("no-index").toString(), "--corpus", missing.toString(),
                "--data", temp.resolve("data").toString(), "问题");

        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains(missing.toString()), run.err());
    }

    private static boolean isEmpty(Path folder) {
        try (var files = Files.list(folder)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
