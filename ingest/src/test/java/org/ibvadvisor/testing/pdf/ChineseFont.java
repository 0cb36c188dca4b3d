package org.ibvadvisor.testing.pdf;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A Chinese TrueType font of this machine that PDFBox can embed as a subset. PDFBox subsets only fonts with
 * TrueType outlines ({@code glyf}): the Noto CJK collections ({@code fonts-noto-cjk}) have CFF outlines, which
 * PDFBox 3 cannot subset ("OTF fonts do not have a glyf table"), so WenQuanYi Micro Hei
 * ({@code apt-get install fonts-wqy-microhei}) or one of the others below is needed.
 */
public final class ChineseFont {
    /** Candidates: a font file and, for a collection, the font's PostScript name in it. */
    private static final List<String[]> CANDIDATES = List.of(
            new String[] {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "WenQuanYiMicroHei"},
            new String[] {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYiZenHei"},
            new String[] {"/usr/share/fonts/truetype/arphic/uming.ttc", "AR PL UMing CN"},
            new String[] {"/usr/share/fonts/truetype/arphic/ukai.ttc", "AR PL UKai CN"},
            new String[] {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", null});

    private ChineseFont() {
    }

    /** Loads the first candidate found; the caller closes it. */
    public static TrueTypeFont load() {
        for (String[] candidate : CANDIDATES) {
            Path file = Path.of(candidate[0]);
            if (!Files.isRegularFile(file)) continue;
            try {
                if (candidate[1] == null) return new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
                TrueTypeCollection collection = new TrueTypeCollection(new File(candidate[0]));
                TrueTypeFont font = collection.getFontByName(candidate[1]);
                if (font != null) return font;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the font " + file, e);
            }
        }
        throw new IllegalStateException("no Chinese TrueType font for making test PDFs; install one: "
                + "apt-get install fonts-wqy-microhei (Noto CJK cannot be subset by PDFBox)");
    }
}
