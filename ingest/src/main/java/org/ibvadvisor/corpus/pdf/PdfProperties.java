package org.ibvadvisor.corpus.pdf;

import java.time.Year;
import java.util.Calendar;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.ibvadvisor.corpus.DocumentProperties;

/**
 * What a PDF says about itself: title and author from its document information (a title that is only the name of
 * the file it was made from, "Microsoft Word - bericht.docx", or "Untitled" is no title), the year it was created,
 * and the language of its text.
 */
final class PdfProperties {
    private static final Pattern NO_TITLE = Pattern.compile(
            "(?i)(microsoft (word|powerpoint) - .*|.*\\.(docx?|pptx?|xlsx?|indd|qxp|pdf|txt)|untitled.*|无标题.*|\\W*)");
    private static final int FIRST_YEAR = 1993;

    private PdfProperties() {
    }

    static DocumentProperties of(PDDocument document, String text) {
        PDDocumentInformation info = document.getDocumentInformation();
        String title = clean(info.getTitle());
        if (title != null && NO_TITLE.matcher(title).matches()) title = null;
        return new DocumentProperties(title, clean(info.getAuthor()), year(info), LanguageGuess.of(text));
    }

    private static Integer year(PDDocumentInformation info) {
        Calendar created = info.getCreationDate();
        if (created == null) return null;
        int year = created.get(Calendar.YEAR);
        return year >= FIRST_YEAR && year <= Year.now().getValue() + 1 ? year : null;
    }

    private static String clean(String value) {
        if (value == null) return null;
        String cleaned = value.replaceAll("[\\p{Cc}\\p{Co}\\uFFFD]", "").strip().replaceAll("\\s+", " ");
        return cleaned.isEmpty() ? null : cleaned;
    }
}
