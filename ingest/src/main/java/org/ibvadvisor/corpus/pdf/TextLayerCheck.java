package org.ibvadvisor.corpus.pdf;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ibvadvisor.corpus.CorpusException;

/**
 * Refuses a PDF whose text layer cannot be indexed: text that does not decode (glyphs of fonts without a Unicode
 * map, or mapped to private-use or control codes: mojibake), no text at all (a scanned document: which pages are
 * images only), or text on too few of its pages (a scan with a few typed pages).
 */
final class TextLayerCheck {
    /** More than this share of glyphs that do not decode (against letters and digits that do) is mojibake. */
    static final double MAX_UNDECODED_SHARE = 0.2;
    /** Fewer undecoded glyphs than this are tolerated whatever the share (a symbol or two in a short text). */
    private static final long MIN_UNDECODED = 20;
    private static final int MAX_FONTS_NAMED = 3;

    private TextLayerCheck() {
    }

    static void check(Path file, List<PageRuns> pages, TextLayerCounts counts) {
        long bad = counts.bad();
        long good = counts.wordChars();
        if (bad >= MIN_UNDECODED && bad > MAX_UNDECODED_SHARE * (bad + good)) {
            throw new CorpusException(file, ("its text does not decode (mojibake): %d of %d characters (%d%%) map to no "
                    + "Unicode character or to private-use or control codes, in fonts without a usable ToUnicode map (%s); "
                    + "the text layer is unreadable, and text recognition (OCR) is not supported yet")
                    .formatted(bad, bad + good, Math.round(100.0 * bad / (bad + good)), fonts(counts.badByFont())));
        }
        List<Integer> imageOnly = pages.stream().filter(p -> p.glyphCount() == 0 && p.hasImages()).map(PageRuns::number).toList();
        long withText = pages.stream().filter(p -> p.glyphCount() > 0).count();
        if (withText == 0 || good == 0) {
            if (!imageOnly.isEmpty()) {
                throw new CorpusException(file, "no text layer: page%s %s of %d %s images only (a scanned document?); "
                        .formatted(imageOnly.size() == 1 ? "" : "s", PageRanges.format(imageOnly), pages.size(),
                                imageOnly.size() == 1 ? "is" : "are")
                        + "text recognition (OCR) is not supported yet");
            }
            throw new CorpusException(file, "no text: none of its %d page%s draws any characters"
                    .formatted(pages.size(), pages.size() == 1 ? "" : "s"));
        }
        if (imageOnly.size() > 1 && imageOnly.size() * 2 > pages.size()) {
            throw new CorpusException(file, ("no text layer on most pages: pages %s of %d are images only (a scanned "
                    + "document?), only %d %s text; text recognition (OCR) is not supported yet")
                    .formatted(PageRanges.format(imageOnly), pages.size(), withText, withText == 1 ? "has" : "have"));
        }
    }

    private static String fonts(Map<String, Long> badByFont) {
        String named = badByFont.entrySet().stream().limit(MAX_FONTS_NAMED)
                .map(e -> String.format(Locale.ROOT, "%s: %d", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return badByFont.size() > MAX_FONTS_NAMED ? named + " and " + (badByFont.size() - MAX_FONTS_NAMED) + " more" : named;
    }
}
