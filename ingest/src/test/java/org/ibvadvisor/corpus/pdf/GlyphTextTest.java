package org.ibvadvisor.corpus.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.ibvadvisor.clean.Block;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.testing.pdf.ReportPdfMaker;
import org.junit.jupiter.api.Test;

/**
 * The presentation forms a PDF's Unicode map gives are folded on the way in (the cleaner does not fold them: it
 * only maps what it keeps back to the source, so the source text has to hold the plain forms already).
 */
class GlyphTextTest {
    @Test
    void ligatures_radicals_compatibility_ideographs_and_full_width_latin_are_folded() {
        assertEquals("fi", GlyphText.normalize("ﬁ"));
        assertEquals("ffl", GlyphText.normalize("ﬄ"));
        assertEquals("生", GlyphText.normalize("⽣"), "Kangxi radical");
        assertEquals("人", GlyphText.normalize("⼈"));
        assertEquals("豈", GlyphText.normalize("豈"), "compatibility ideograph");
        assertEquals("AI2024", GlyphText.normalize("ＡＩ２０２４"));
    }

    @Test
    void full_width_punctuation_stays_as_the_cleaner_needs_it() {
        assertEquals("，。：；！？（）％", GlyphText.normalize("，。：；！？（）％"));
        assertEquals("“生成式”", GlyphText.normalize("“生成式”"));
    }

    @Test
    void spaces_become_one_kind_and_format_and_junk_characters_go() {
        assertEquals(" ", GlyphText.normalize("\u3000"));
        assertEquals(" ", GlyphText.normalize("\u00A0"));
        assertEquals("", GlyphText.normalize("\u00AD"));
        assertEquals("", GlyphText.normalize("\u200B"));
        assertEquals("", GlyphText.normalize("\uE012"));
        assertEquals("", GlyphText.normalize("\u0003"));
        assertEquals("", GlyphText.normalize("\uFFFD"));
        assertTrue(GlyphText.isJunk(0xE000) && GlyphText.isJunk(0x01) && GlyphText.isJunk(0xFFFD));
        assertFalse(GlyphText.isJunk('生') || GlyphText.isJunk('A') || GlyphText.isJunk('，') || GlyphText.isJunk(' '));
    }

    @Test
    void a_pdf_mapping_its_glyphs_to_presentation_forms_reads_as_plain_text_and_cleans_well() throws IOException {
        String text = "ﬁnance 与 ＡＩ：生成式 AI 在 ２０２４ 年带来新的机遇。\n";
        byte[] pdf = ReportPdfMaker.standard().with(ReportPdfMaker.Options.textOnly()).make("测试", text).bytes();
        byte[] radicals = mapInToUnicode(pdf, "<751F>", "<2F63>"); // 生 → ⽣, as Word exports of Chinese often do

        String read = new PdfReportReader().readContent(Path.of("forms.pdf"), radicals).text();

        assertEquals("finance 与 AI：生成式 AI 在 2024 年带来新的机遇。", read);
        Block block = new PdfTextCleaner().clean(read).blocks().getFirst();
        assertEquals(read, block.text());
    }

    /** The PDF with one Unicode value in its fonts' ToUnicode maps replaced by another. */
    private static byte[] mapInToUnicode(byte[] pdf, String from, String to) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name).getCOSObject();
                    COSStream map = (COSStream) font.getDictionaryObject(COSName.TO_UNICODE);
                    String cmap;
                    try (InputStream in = map.createInputStream()) {
                        cmap = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    }
                    assertTrue(cmap.contains("> " + from), "the map has " + from);
                    COSStream replaced = document.getDocument().createCOSStream();
                    try (OutputStream out = replaced.createOutputStream()) {
                        out.write(cmap.replace("> " + from, "> " + to).getBytes(StandardCharsets.US_ASCII));
                    }
                    font.setItem(COSName.TO_UNICODE, replaced);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
