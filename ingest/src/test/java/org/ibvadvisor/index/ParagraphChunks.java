package org.ibvadvisor.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Corpus;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.corpus.Report;

/**
 * Test stand-in for the chunker: the real paragraphs (runs of non-blank lines) of a real report, with exact
 * source spans, the lines joined as clean text and the last "第 N 章" line seen as section.
 */
final class ParagraphChunks {
    static final Path CORPUS = Path.of(System.getProperty("advisor.projectDir", "..")).resolve("corpus");
    private static final Pattern PARAGRAPH = Pattern.compile("(?m)^[^\\n]*\\S[^\\n]*(?:\\n[^\\n]*\\S[^\\n]*)*");
    private static final Pattern CHAPTER = Pattern.compile("第 ?\\d+ ?章.*");

    private ParagraphChunks() {
    }

    static Corpus bundledCorpus() {
        return CorpusReader.withDefaultReaders().read(CORPUS);
    }

    static Report bundled(String reportId) {
        return bundledCorpus().reports().stream().filter(r -> r.id().equals(reportId)).findFirst().orElseThrow();
    }

    /** The first {@code max} paragraphs of at least {@code minLength} chars. */
    static List<Chunk> of(Report report, int max, int minLength) {
        List<Chunk> chunks = new ArrayList<>();
        String chapter = null;
        Matcher m = PARAGRAPH.matcher(report.text());
        while (m.find() && chunks.size() < max) {
            String text = m.group();
            String clean = text.lines().map(String::strip).reduce("", String::concat);
            if (CHAPTER.matcher(clean).matches()) chapter = clean;
            if (clean.length() < minLength) continue;
            List<String> section = chapter == null ? List.of(report.metadata().shortTitle()) : List.of(report.metadata().shortTitle(), chapter);
            chunks.add(new Chunk(null, report.id(), section, chunks.size(), text, clean, m.start(), m.end()));
        }
        return chunks;
    }
}
