package org.ibvadvisor.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ibvadvisor.clean.CleanDocument;
import org.ibvadvisor.clean.CorpusReports;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clean and chunk each report of the bundled corpus and check {@link ChunkInvariants}, with the default sizes and
 * with much smaller and larger ones. Prints the chunk counts and size distribution with the default sizes.
 */
class CorpusChunkingTest {
    private static final Map<String, int[]> SIZES = new TreeMap<>();

    static Stream<Arguments> reportsAndSizes() {
        List<ChunkerOptions> sizes = List.of(ChunkerOptions.defaults(), new ChunkerOptions(40, 60, 10),
                new ChunkerOptions(120, 200, 40), new ChunkerOptions(800, 1200, 200));
        return CorpusReports.files().stream().flatMap(report -> sizes.stream().map(options -> Arguments.of(report, options)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("reportsAndSizes")
    void chunks_of_each_report_keep_every_invariant(Path report, ChunkerOptions options) {
        String reportId = CorpusReports.id(report);
        CleanDocument document = new PdfTextCleaner().clean(CorpusReports.read(report));

        List<Chunk> chunks = new StructureChunker(options).chunk(reportId, document);

        ChunkInvariants.assertAll(reportId, document, chunks, options);
        if (options.equals(ChunkerOptions.defaults())) {
            SIZES.put(reportId, chunks.stream().mapToInt(c -> c.cleanText().length()).sorted().toArray());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void a_report_with_windows_line_breaks_gives_the_same_chunks(Path report) {
        String reportId = CorpusReports.id(report);
        String unix = CorpusReports.read(report);
        CleanDocument windows = new PdfTextCleaner().clean(unix.replace("\n", "\r\n"));

        List<Chunk> expected = new StructureChunker().chunk(reportId, new PdfTextCleaner().clean(unix));
        List<Chunk> actual = new StructureChunker().chunk(reportId, windows);

        assertEquals(expected.stream().map(Chunk::cleanText).toList(), actual.stream().map(Chunk::cleanText).toList());
        assertEquals(expected.stream().map(Chunk::section).toList(), actual.stream().map(Chunk::section).toList());
        ChunkInvariants.assertAll(reportId, windows, actual, ChunkerOptions.defaults());
    }

    static Stream<Path> reports() {
        return CorpusReports.files().stream();
    }

    @AfterAll
    static void printSizes() {
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-24s %6s %5s %6s %5s %5s  (chars of clean text, %s)", "report", "chunks", "min", "median", "p90", "max",
                ChunkerOptions.defaults()));
        SIZES.forEach((report, sizes) -> rows.add(String.format("%-24s %6d %5d %6d %5d %5d", report, sizes.length, sizes[0],
                sizes[sizes.length / 2], sizes[(int) Math.ceil(sizes.length * 0.9) - 1], sizes[sizes.length - 1])));
        System.out.println(String.join("\n", rows));
    }
}
