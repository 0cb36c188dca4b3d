package org.ibvadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusReaderTest {
    static final Path PROJECT = Path.of(System.getProperty("advisor.projectDir", "..")).toAbsolutePath().normalize();
    static final Path BUNDLED = PROJECT.resolve("corpus");
    static final String PARAGRAPH = "生成式 AI 正在改变企业的运营方式。超过 40% 的 CEO 表示将加快投资。\n";

    final CorpusReader reader = CorpusReader.withDefaultReaders();

    @TempDir
    Path folder;

    @Test
    void the_bundled_corpus_reads_as_five_reports_with_their_metadata_and_exact_text() throws IOException {
        Corpus corpus = reader.read(BUNDLED);

        assertEquals(5, corpus.reports().size());
        assertEquals(List.of("super-ecosystems", "ceo-genai-guide", "enterprise-genai-market", "ai-infrastructure"),
                corpus.reports().stream().map(Report::id).toList().subList(0, 4));
        for (Report report : corpus.reports()) {
            String file = Files.readString(report.source(), StandardCharsets.UTF_8);
            assertEquals(file.startsWith("\uFEFF") ? file.substring(1) : file, report.text(), report.id());
            assertEquals("IBM Institute for Business Value", report.metadata().publisher(), report.id());
            assertTrue(report.contentHash().matches("[0-9a-f]{64}"), report.contentHash());
        }
        assertEquals(2023, corpus.reports().get(1).metadata().year());
        assertEquals(List.of(), corpus.skipped());
    }

    @Test
    void the_content_hash_is_stable_and_changes_with_the_bytes_or_the_metadata() throws IOException {
        write("a.txt", PARAGRAPH);
        write("a.meta.json", "{\"id\":\"a\",\"titleZh\":\"甲\"}");
        String first = only(reader.read(folder)).contentHash();

        assertEquals(first, only(reader.read(folder)).contentHash(), "same files, same hash");

        write("a.meta.json", "{\"id\":\"a\",\"titleZh\":\"乙\"}");
        String metadataChanged = only(reader.read(folder)).contentHash();
        assertNotEquals(first, metadataChanged, "metadata changed");

        write("a.txt", PARAGRAPH + "新增一句。\n");
        assertNotEquals(metadataChanged, only(reader.read(folder)).contentHash(), "text changed");
    }

    @Test
    void a_report_without_metadata_gets_its_id_and_title_from_the_file_name() throws IOException {
        write("Gen AI Report 2024.md", "# 标题\n\n" + PARAGRAPH);

        ReportMetadata metadata = only(reader.read(folder)).metadata();

        assertEquals("gen-ai-report-2024", metadata.id());
        assertEquals("Gen AI Report 2024", metadata.titleZh());
        assertEquals("zh", metadata.language());
    }

    @Test
    void a_byte_order_mark_is_removed_and_nothing_else_changes() throws IOException {
        Files.write(folder.resolve("a.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("\r\n  " + PARAGRAPH).getBytes(StandardCharsets.UTF_8)));

        assertEquals("\r\n  " + PARAGRAPH, only(reader.read(folder)).text());
    }

    @Test
    void files_no_reader_handles_are_skipped_and_listed() throws IOException {
        write("a.txt", PARAGRAPH);
        write("notes.docx", "not a report");
        write(".hidden.txt", PARAGRAPH);

        Corpus corpus = reader.read(folder);

        assertEquals(List.of("a"), corpus.reports().stream().map(Report::id).toList());
        assertEquals(List.of(folder.resolve("notes.docx")), corpus.skipped());
    }

    /** Each bad input: how to make it, the file the error must name, words the error must contain. */
    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("missing folder", dir -> Files.delete(dir), "", "does not exist"),
                bad("empty folder", dir -> { }, "", "no reports"),
                bad("folder with only unreadable formats", dir -> Files.writeString(dir.resolve("a.docx"), "PK"), "", "no reports"),
                bad("text file named .pdf", dir -> Files.writeString(dir.resolve("a.pdf"), "%PDF"), "a.pdf", "not a PDF"),
                bad("empty file", dir -> {
                    Files.writeString(dir.resolve("good.txt"), PARAGRAPH);
                    Files.write(dir.resolve("empty.txt"), new byte[0]);
                }, "empty.txt", "empty file"),
                bad("whitespace-only file", dir -> Files.writeString(dir.resolve("blank.md"), " \n\t\n"), "blank.md", "empty file"),
                bad("GBK-encoded file", dir -> Files.write(dir.resolve("gbk.txt"), PARAGRAPH.getBytes(Charset.forName("GBK"))),
                        "gbk.txt", "not valid UTF-8"),
                bad("UTF-8 cut off mid-character", dir -> {
                    byte[] utf8 = PARAGRAPH.trim().getBytes(StandardCharsets.UTF_8);
                    Files.write(dir.resolve("cut.txt"), java.util.Arrays.copyOf(utf8, utf8.length - 1));
                }, "cut.txt", "not valid UTF-8"),
                bad("binary file", dir -> Files.write(dir.resolve("image.txt"),
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}), "image.txt", "binary"),
                bad("UTF-16 file", dir -> Files.write(dir.resolve("utf16.txt"), "Report text".getBytes(StandardCharsets.UTF_16LE)),
                        "utf16.txt", "binary"),
                bad("duplicate report id", dir -> {
                    Files.writeString(dir.resolve("a.txt"), PARAGRAPH);
                    Files.writeString(dir.resolve("a.meta.json"), "{\"id\":\"same\"}");
                    Files.writeString(dir.resolve("b.txt"), PARAGRAPH);
                    Files.writeString(dir.resolve("b.meta.json"), "{\"id\":\"same\"}");
                }, "b.txt", "duplicate report id 'same'"),
                bad("id from the file name clashing with a metadata id", dir -> {
                    Files.writeString(dir.resolve("a.txt"), PARAGRAPH);
                    Files.writeString(dir.resolve("a.meta.json"), "{\"id\":\"b\"}");
                    Files.writeString(dir.resolve("b.md"), PARAGRAPH);
                }, "b.md", "duplicate report id 'b'"),
                bad("two formats of one report", dir -> {
                    Files.writeString(dir.resolve("a.md"), PARAGRAPH);
                    Files.writeString(dir.resolve("a.txt"), PARAGRAPH);
                }, "a.txt", "share the name"),
                bad("malformed metadata JSON", dir -> {
                    Files.writeString(dir.resolve("a.txt"), PARAGRAPH);
                    Files.writeString(dir.resolve("a.meta.json"), "{\"id\": \"a\",");
                }, "a.meta.json", "invalid report metadata"),
                bad("invalid id in metadata", dir -> {
                    Files.writeString(dir.resolve("a.txt"), PARAGRAPH);
                    Files.writeString(dir.resolve("a.meta.json"), "{\"id\": \"Not An Id\"}");
                }, "a.meta.json", "Not An Id"),
                bad("metadata without its report", dir -> {
                    Files.writeString(dir.resolve("a.txt"), PARAGRAPH);
                    Files.writeString(dir.resolve("b.meta.json"), "{\"id\": \"b\"}");
                }, "b.meta.json", "without a report file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void bad_input_fails_with_an_error_naming_the_file(String name, Setup setup, String file, String problem) throws IOException {
        setup.apply(folder);

        CorpusException error = assertThrows(CorpusException.class, () -> reader.read(folder));

        assertEquals(folder.resolve(file), error.file(), error.getMessage());
        assertTrue(error.getMessage().startsWith(folder.resolve(file).toString()), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void a_path_that_is_a_file_is_not_a_corpus_folder() throws IOException {
        Path file = write("a.txt", PARAGRAPH);

        CorpusException error = assertThrows(CorpusException.class, () -> reader.read(file));

        assertTrue(error.getMessage().contains("not a folder"), error.getMessage());
    }

    interface Setup {
        void apply(Path folder) throws IOException;
    }

    static Arguments bad(String name, Setup setup, String file, String problem) {
        return Arguments.of(name, setup, file, problem);
    }

    Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    static Report only(Corpus corpus) {
        assertEquals(1, corpus.reports().size(), corpus.reports().toString());
        return corpus.reports().getFirst();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
