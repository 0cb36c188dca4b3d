package org.ibvadvisor.corpus.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ibvadvisor.corpus.ReportContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real Chinese PDFs made by others: the manuals TeX Live ships ({@code apt-get install texlive-lang-chinese}); the
 * tests are skipped where they are not installed. They read, in Chinese, with text that agrees with poppler's
 * {@code pdftotext} (character bigrams, at least 95% both ways: we also drop the furniture it keeps), and one
 * page of lshort-zh-cn comes out as it should (its table rows, the LaTeX logo, its printed page label).
 */
class RealChinesePdfTest {
    private static final Path DOCS = Path.of("/usr/share/doc/texlive-doc");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"latex/lshort-chinese/lshort-zh-cn.pdf", "latex/ctex-faq/ctex-faq.pdf",
            "generic/latex-notes-zh-cn/latex-notes-zh-cn.pdf", "latex/install-latex-guide-zh-cn/install-latex-guide-zh-cn.pdf"})
    void a_real_chinese_pdf_reads_in_chinese_and_agrees_with_pdftotext(String name) throws IOException, InterruptedException {
        ReportContent content = read(name);

        assertEquals("zh", content.properties().language());
        assertTrue(content.text().length() > 5_000, "chars: " + content.text().length());
        String poppler = RealPdfProbe.pdftotext(DOCS.resolve(name));
        assumeTrue(poppler != null, "pdftotext (poppler-utils) is not installed");
        assertTrue(RealPdfProbe.share(poppler, content.text()) >= 0.93, "pdftotext's text found in ours");
        assertTrue(RealPdfProbe.share(content.text(), poppler) >= 0.95, "our text found in pdftotext's");
    }

    @Test
    void a_page_of_lshort_reads_with_its_table_rows_the_latex_logo_and_its_label() throws IOException {
        ReportContent content = read("latex/lshort-chinese/lshort-zh-cn.pdf");
        int page = 40;
        String text = content.text().substring(content.pageMap().start(page), content.pageMap().start(page + 1));
        List<String> lines = List.of(text.split("\n"));

        assertEquals("28", content.pageMap().label(page));
        assertTrue(lines.contains("表 3.1: LATEX 表格列格式"), "the caption with the TeX logo whole");
        assertTrue(lines.contains("\tl/c/r\t单元格内容左对齐/居中/右对齐，不折行"), "a table row");
        assertTrue(lines.contains("\tp{⟨width⟩}\t单元格宽度固定为 ⟨width⟩，可自动折行"), "the next row, apart");
        assertTrue(text.contains("（可以少于这个总数），否则出\n错。"), "a paragraph's short last line stays in it");
        assertFalse(lines.contains("28") || lines.contains("第三章 文档元素") || lines.contains("第三章文档元素"), "running head and page number gone");
    }

    private static final Map<String, ReportContent> READ = new ConcurrentHashMap<>();

    private static ReportContent read(String name) throws IOException {
        Path file = DOCS.resolve(name);
        assumeTrue(Files.isRegularFile(file), file + " is not installed (apt-get install texlive-lang-chinese)");
        ReportContent content = READ.get(name);
        if (content == null) READ.put(name, content = new PdfReportReader().readContent(file, Files.readAllBytes(file)));
        return content;
    }
}
