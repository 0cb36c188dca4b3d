package org.ibvadvisor.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ibvadvisor.clean.Block;
import org.ibvadvisor.clean.BlockKind;
import org.ibvadvisor.clean.CleanDocument;

/**
 * What every chunking of a report must satisfy, checked from the outside.
 *
 * <p>What chunk spans may leave out of a report (and nothing else that is not whitespace):
 * <ul>
 *   <li>lone page numbers: a line of one or two numbers of up to 3 digits ("7", "18 19");</li>
 *   <li>table-of-contents lines: a title with tabs before a page number or before nothing ("第 1 章\t人才与技能\t9",
 *       "引言\t\t"), a title with a dot leader ("打造坚实 AI 引擎 .....\t2"), and the "目录" line;</li>
 *   <li>horizontal rules ("---");</li>
 *   <li>running heads: a line that occurs at least 4 times in the report.</li>
 * </ul>
 */
final class ChunkInvariants {
    private static final Pattern PAGE_NUMBER = Pattern.compile("\\s*\\d{1,3}(\\s+\\d{1,3})?\\s*");
    private static final Pattern DOT_LEADER = Pattern.compile(".*(\\.{3,}|…{2,})\\s*\\d{1,4}\\s*");
    private static final Pattern TOC_TITLE = Pattern.compile("#*\\s*目\\s*录\\s*");
    private static final Pattern RULE = Pattern.compile("\\s*([-*_])(\\s*\\1){2,}\\s*");
    private static final int RUNNING_HEAD_REPEATS = 4;
    private static final String UNITS = "%％个名位家项年月日倍亿万千百元";

    private ChunkInvariants() {
    }

    static void assertAll(String reportId, CleanDocument document, List<Chunk> chunks, ChunkerOptions options) {
        assertFalse(chunks.isEmpty(), "no chunks");
        assertIdentityAndSpans(reportId, document.source(), chunks);
        assertInOrderWithoutOverlap(chunks);
        assertWithinMaximum(chunks, options);
        assertCleanTextComesFromSpan(chunks);
        assertOnlyFurnitureLeftOut(document.source(), chunks);
        assertNoNumberSplit(document.source(), chunks);
        assertNoCutInsideQuotation(document, chunks, options);
        assertSectionsCrossedOnlyWhenTiny(document, chunks, options);
    }

    static void assertIdentityAndSpans(String reportId, String source, List<Chunk> chunks) {
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            assertEquals(i, chunk.ordinal());
            assertEquals(reportId, chunk.reportId());
            assertEquals(reportId + "#" + i, chunk.id());
            assertEquals(source.substring(chunk.start(), chunk.end()), chunk.text(), "span of chunk " + i);
        }
    }

    static void assertInOrderWithoutOverlap(List<Chunk> chunks) {
        for (int i = 1; i < chunks.size(); i++) {
            assertTrue(chunks.get(i - 1).end() <= chunks.get(i).start(), "chunk " + i + " overlaps or precedes chunk " + (i - 1));
        }
    }

    static void assertWithinMaximum(List<Chunk> chunks, ChunkerOptions options) {
        for (Chunk chunk : chunks) {
            assertFalse(chunk.cleanText().isBlank(), "chunk " + chunk.ordinal() + " is blank");
            assertTrue(chunk.cleanText().length() <= options.maxChars(),
                    () -> "chunk " + chunk.ordinal() + " has " + chunk.cleanText().length() + " chars: " + chunk.cleanText());
        }
    }

    /** The cleaned text's letters appear, in order, in the chunk's source text. */
    static void assertCleanTextComesFromSpan(List<Chunk> chunks) {
        for (Chunk chunk : chunks) {
            String text = chunk.text();
            int at = 0;
            for (char c : chunk.cleanText().toCharArray()) {
                if (Character.isWhitespace(c) || c == '|') continue;
                at = text.indexOf(c, at);
                if (at < 0) fail("chunk " + chunk.ordinal() + ": '" + c + "' of its clean text is not in its span: " + chunk.cleanText());
                at++;
            }
        }
    }

    static void assertOnlyFurnitureLeftOut(String source, List<Chunk> chunks) {
        boolean[] covered = new boolean[source.length()];
        for (Chunk chunk : chunks) {
            for (int i = chunk.start(); i < chunk.end(); i++) covered[i] = true;
        }
        String[] lines = source.split("\n", -1);
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) counts.merge(line.strip(), 1, Integer::sum);
        int lineStart = 0;
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                if (!covered[lineStart + i] && !Character.isWhitespace(line.charAt(i)) && !maySkip(line, counts)) {
                    fail("source line not covered by any chunk: '" + line + "'");
                }
            }
            lineStart += line.length() + 1;
        }
    }

    private static boolean maySkip(String line, Map<String, Integer> counts) {
        return PAGE_NUMBER.matcher(line).matches() || isTabbedTocLine(line) || DOT_LEADER.matcher(line).matches()
                || TOC_TITLE.matcher(line.strip()).matches() || RULE.matcher(line).matches()
                || counts.get(line.strip()) >= RUNNING_HEAD_REPEATS;
    }

    private static boolean isTabbedTocLine(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length < 2 || fields[0].isBlank()) return false;
        String last = "";
        for (int f = 1; f < fields.length; f++) {
            if (!fields[f].isBlank()) last = fields[f].strip();
        }
        return last.isEmpty() || last.matches("\\d{1,4}");
    }

    /**
     * Between two chunks that touch within a line or across one line break, no number is cut in two: neither a
     * number's digits ("1,1|10", "2.|5"), nor a number from its unit ("40|%", "2023 |年"). Checked on the chars on
     * either side of the boundary, both in the source and in the cleaned text (a footnote mark dropped from the
     * cleaned text, as in "项目。7 | 71%", does not count).
     */
    static void assertNoNumberSplit(String source, List<Chunk> chunks) {
        for (int i = 1; i < chunks.size(); i++) {
            Chunk before = chunks.get(i - 1);
            Chunk after = chunks.get(i);
            String gap = source.substring(before.end(), after.start());
            if (!gap.isBlank() || gap.chars().filter(c -> c == '\n').count() > 1) continue;
            String left = before.text();
            String cleanLeft = before.cleanText();
            boolean inSource = splitsNumber(left, after.text(), gap.isEmpty());
            boolean inClean = splitsNumber(cleanLeft, after.cleanText(), gap.isEmpty());
            assertFalse(inSource && inClean,
                    () -> "number split between chunks: '" + tail(cleanLeft) + "' | '" + head(after.cleanText()) + "'");
        }
    }

    private static boolean splitsNumber(String left, String right, boolean touching) {
        char l = left.charAt(left.length() - 1);
        char beforeL = left.length() > 1 ? left.charAt(left.length() - 2) : ' ';
        char r = right.charAt(0);
        if (Character.isDigit(l) && (".,%％".indexOf(r) >= 0 || UNITS.indexOf(r) >= 0)) return true;
        if (Character.isDigit(l) && Character.isDigit(r)) return touching;
        return touching && ".,".indexOf(l) >= 0 && Character.isDigit(beforeL) && Character.isDigit(r);
    }

    /** A chunk that starts inside a paragraph does not start inside a quotation shorter than the maximum. */
    static void assertNoCutInsideQuotation(CleanDocument document, List<Chunk> chunks, ChunkerOptions options) {
        for (Chunk chunk : chunks.subList(1, chunks.size())) {
            for (Block block : document.blocks()) {
                int k = indexOf(block.sourceOffsets(), chunk.start());
                if (k <= 0) continue;
                String text = block.text();
                int open = lastUnclosedQuote(text, k);
                if (open < 0) continue;
                int close = closingQuote(text, open);
                assertTrue(close - open + 1 > options.maxChars(),
                        () -> "chunk " + chunk.ordinal() + " starts inside a quotation: " + text.substring(open, Math.min(text.length(), close + 1)));
            }
        }
    }

    private static int indexOf(int[] offsets, int sourceIndex) {
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] == sourceIndex) return i;
        }
        return -1;
    }

    private static int lastUnclosedQuote(String text, int end) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '「') open.add(i);
            if ((c == '”' || c == '」') && !open.isEmpty()) open.removeLast();
        }
        return open.isEmpty() ? -1 : open.getLast();
    }

    private static int closingQuote(String text, int open) {
        char closer = text.charAt(open) == '“' ? '”' : '」';
        int close = text.indexOf(closer, open);
        return close < 0 ? text.length() - 1 : close;
    }

    /**
     * A heading inside a chunk (other than the headings the chunk opens with) marks a section boundary; at each one
     * the chunk's text before it or after it is tiny.
     */
    static void assertSectionsCrossedOnlyWhenTiny(CleanDocument document, List<Chunk> chunks, ChunkerOptions options) {
        for (Chunk chunk : chunks) {
            List<String> cleanLines = List.of(chunk.cleanText().split("\n"));
            List<Block> headings = document.blocks().stream()
                    .filter(b -> b.kind() == BlockKind.HEADING && b.sourceStart() >= chunk.start() && b.sourceStart() < chunk.end())
                    .toList();
            int position = 0;
            boolean inHeadingRun = true;
            for (String line : cleanLines) {
                boolean heading = headings.stream().anyMatch(h -> h.text().equals(line));
                if (heading && !inHeadingRun) {
                    int before = position - 1; // without the line break before the heading
                    int after = chunk.cleanText().length() - position;
                    assertTrue(before < options.minChars() || after < options.minChars(),
                            () -> "chunk " + chunk.ordinal() + " crosses a section boundary at '" + line + "' with " + before
                                    + " chars before and " + after + " after");
                }
                inHeadingRun = heading;
                position += line.length() + 1;
            }
        }
    }

    private static String tail(String s) {
        return s.substring(Math.max(0, s.length() - 20));
    }

    private static String head(String s) {
        return s.substring(0, Math.min(20, s.length()));
    }
}
