package org.ibvadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.PageMap;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.corpus.ReportMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF report's page map is stored with its source text and comes back by report id; text reports store none, as
 * every report did before page maps were kept, so an index written then reads as one of text reports only.
 */
class PageMapStorageTest {
    private static final IndexSettings SETTINGS = IndexSettings.forModel("test", 8);
    private static final HashEmbedder EMBEDDER = new HashEmbedder("test", 8);

    @Test
    void the_page_map_of_a_pdf_report_comes_back_and_a_text_report_has_none() throws IOException {
        PageMap pages = new PageMap(new int[] {0, 12, 12, 30}, List.of("i", "1", "2", "3"));
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (ChunkIndexWriter writer = ChunkIndexWriter.rebuild(directory, SETTINGS)) {
                write(writer, report("pdf", "第一页的文字。第二页开始的一段文字，到第四页。最后一页的结尾。", pages));
                write(writer, report("txt", "纯文本报告没有页码。", null));
                writer.commit();
            }
            try (ChunkIndex index = ChunkIndex.open(directory, SETTINGS)) {
                assertEquals(pages, index.pageMap("pdf").orElseThrow());
                assertTrue(index.pageMap("txt").isEmpty(), "a text report has no pages");
                assertTrue(index.pageMap("nope").isEmpty());
                assertEquals(4, index.pageMap("pdf").orElseThrow().pageAt(31));
            }
        }
    }

    @Test
    void replacing_a_report_replaces_its_page_map_and_removing_it_removes_it() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (ChunkIndexWriter writer = ChunkIndexWriter.rebuild(directory, SETTINGS)) {
                write(writer, report("pdf", "两页的报告，第一页。第二页。", new PageMap(new int[] {0, 10}, null)));
                write(writer, report("other", "另一份报告。", new PageMap(new int[] {0}, null)));
                writer.commit();
                write(writer, report("pdf", "三页的报告，第一页。第二页。第三页。", new PageMap(new int[] {0, 10, 14}, null)));
                writer.removeReport("other");
                writer.commit();
            }
            try (ChunkIndex index = ChunkIndex.open(directory, SETTINGS)) {
                assertEquals(3, index.pageMap("pdf").orElseThrow().pageCount());
                assertTrue(index.pageMap("other").isEmpty());
            }
        }
    }

    @Test
    void an_index_of_text_reports_written_to_disk_opens_and_has_no_page_maps(@TempDir Path folder) {
        try (ChunkIndexWriter writer = ChunkIndexWriter.open(folder, SETTINGS)) {
            write(writer, report("txt", "纯文本报告。", null));
            writer.commit();
        }
        try (ChunkIndex index = ChunkIndex.open(folder, SETTINGS)) {
            assertEquals("纯文本报告。", index.reportText("txt").orElseThrow());
            assertTrue(index.pageMap("txt").isEmpty());
        }
    }

    private static Report report(String id, String text, PageMap pages) {
        return new Report(new ReportMetadata(id, id, id, id, "test", 2024, "zh"), null, text, "hash-" + text.hashCode(), pages);
    }

    private static void write(ChunkIndexWriter writer, Report report) {
        Chunk chunk = new Chunk(null, report.id(), List.of(), 0, report.text(), report.text(), 0, report.text().length());
        writer.upsertReport(report, List.of(chunk), EMBEDDER.embedPassages(List.of(chunk.text())));
    }
}
