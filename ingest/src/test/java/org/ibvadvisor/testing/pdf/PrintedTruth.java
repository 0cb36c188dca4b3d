package org.ibvadvisor.testing.pdf;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ibvadvisor.corpus.PageMap;
import org.ibvadvisor.testing.pdf.MadePdf.Kind;
import org.ibvadvisor.testing.pdf.MadePdf.Placed;

/**
 * Lines up what a reader made of a {@link MadePdf} with what the maker printed. The text read back, spaces and line
 * breaks left aside (compatibility forms folded on both sides), must be exactly the printed pieces in the order the
 * maker says a reader should give them (a page's notes may come before the last stretch of its body, where a
 * paragraph runs on to the next page); where it is, every char of the read text is known to have been printed on
 * a page, which the page map must give. Sentences of the report's text (body lines, cut after 。！？) are counted.
 */
public final class PrintedTruth {
    private static final int CONTEXT = 30;

    private record Pos(char c, int at) {
    }

    private final MadePdf made;
    private final int[] readOffsets;
    private final List<Pos> read = new ArrayList<>();
    private final List<Pos> printed = new ArrayList<>();
    private final List<Integer> pieceOf = new ArrayList<>();
    private final int[] firstOfPiece;
    private final int[] endOfPiece;
    private final int same;
    private final List<String> problems = new ArrayList<>();
    private int sentences;
    private int sentencesOnPage;

    private PrintedTruth(MadePdf made, String text, PageMap map) {
        this.made = made;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            fold(cp, i, read);
            i += Character.charCount(cp);
        }
        firstOfPiece = new int[made.placed().size()];
        endOfPiece = new int[made.placed().size()];
        for (int p : readingOrder(made.placed())) {
            Placed piece = made.placed().get(p);
            firstOfPiece[p] = printed.size();
            for (int i = 0; i < piece.text().length(); ) {
                int cp = piece.text().codePointAt(i);
                fold(cp, piece.page(), printed);
                i += Character.charCount(cp);
            }
            endOfPiece[p] = printed.size();
            for (int k = firstOfPiece[p]; k < printed.size(); k++) pieceOf.add(p);
        }
        readOffsets = read.stream().mapToInt(Pos::at).toArray();
        int n = 0;
        while (n < Math.min(read.size(), printed.size()) && read.get(n).c() == printed.get(n).c()) n++;
        same = n;
        if (same < read.size() || same < printed.size()) {
            problems.add("text differs after " + same + " chars: printed «" + context(printed, same) + "» ("
                    + (same < printed.size() ? made.placed().get(pieceOf.get(same)).kind() + " on page " + printed.get(same).at() : "end")
                    + "), read «" + context(read, same) + "»");
        }
        boolean[] wrongPage = new boolean[printed.size()];
        for (int i = 0; i < same; i++) {
            int page = map.pageAt(read.get(i).at());
            if (page != printed.get(i).at()) {
                wrongPage[i] = true;
                if (problems.size() < 10) {
                    problems.add("«" + context(printed, i) + "» printed on page " + printed.get(i).at() + ", mapped to page " + page);
                }
            }
        }
        countSentences(wrongPage);
    }

    /** Lines up the text a reader made of {@code made} (with its page map) with what was printed. */
    public static PrintedTruth of(MadePdf made, String text, PageMap map) {
        return new PrintedTruth(made, text, map);
    }

    /** What is wrong, first problems first; empty when the text and every page are right. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Sentences of the report's text checked. */
    public int sentences() {
        return sentences;
    }

    /** Sentences read back whole, in place, with every char on the page it was printed on. */
    public int sentencesOnPage() {
        return sentencesOnPage;
    }

    /** Offset in the read text of the first char of a printed piece (by its index in {@link MadePdf#placed()}). */
    public int offsetOf(int piece) {
        int at = firstOfPiece[piece];
        if (at >= same) throw new IllegalStateException("piece " + piece + " was not read back in place");
        return read.get(at).at();
    }

    /** Offset in the read text just after the last char of a printed piece. */
    public int endOf(int piece) {
        int last = endOfPiece[piece] - 1;
        if (last >= same) throw new IllegalStateException("piece " + piece + " was not read back in place");
        return read.get(last).at() + 1;
    }

    /** The page the char at {@code offset} of the read text was printed on; 0 for a space or a char not lined up. */
    public int printedPageAt(int offset) {
        int i = indexAt(offset);
        return i < 0 || i >= same ? 0 : printed.get(i).at();
    }

    /** The kind of printed piece the char at {@code offset} of the read text belongs to, or {@code null}. */
    public Kind printedKindAt(int offset) {
        int i = indexAt(offset);
        return i < 0 || i >= same ? null : made.placed().get(pieceOf.get(i)).kind();
    }

    /** Index among the read chars of the (first) char at a text offset, or negative. */
    private int indexAt(int offset) {
        int i = Arrays.binarySearch(readOffsets, offset);
        while (i > 0 && readOffsets[i - 1] == offset) i--;
        return i;
    }

    private void countSentences(boolean[] wrongPage) {
        boolean ok = true;
        boolean open = false;
        for (int i = 0; i < printed.size(); i++) {
            if (made.placed().get(pieceOf.get(i)).kind() != Kind.BODY) continue;
            open = true;
            ok &= i < same && !wrongPage[i];
            if ("。！？".indexOf(printed.get(i).c()) >= 0) {
                sentences++;
                if (ok) sentencesOnPage++;
                ok = true;
                open = false;
            }
        }
        if (open) {
            sentences++;
            if (ok) sentencesOnPage++;
        }
    }

    /**
     * The order in which the read text gives the printed pieces: the maker's ({@link MadePdf#placed()}), except that a
     * page's notes (margin notes, callouts, footnotes) may come before the last stretch of its body, where a reader
     * keeps a paragraph running on to the next page whole; the stretch is the one the read text shows.
     */
    private List<Integer> readingOrder(List<Placed> pieces) {
        List<Integer> order = new ArrayList<>();
        int at = 0; // position among the folded read chars
        int i = 0;
        while (i < pieces.size()) {
            int page = pieces.get(i).page();
            List<Integer> body = new ArrayList<>();
            List<Integer> notes = new ArrayList<>();
            for (; i < pieces.size() && pieces.get(i).page() == page; i++) {
                (pieces.get(i).kind().ordinal() >= Kind.MARGIN_NOTE.ordinal() ? notes : body).add(i);
            }
            List<Integer> chosen = null;
            for (int k = body.size(); k >= 1 && !notes.isEmpty() && chosen == null; k--) {
                List<Integer> candidate = new ArrayList<>(body.subList(0, k));
                candidate.addAll(notes);
                candidate.addAll(body.subList(k, body.size()));
                if (matchesAt(candidate, pieces, at)) chosen = candidate;
            }
            if (chosen == null) {
                chosen = new ArrayList<>(body);
                chosen.addAll(notes);
            }
            for (int p : chosen) at += folded(pieces.get(p).text());
            order.addAll(chosen);
        }
        return order;
    }

    /** Whether the pieces, folded, are the read chars from {@code at} on. */
    private boolean matchesAt(List<Integer> candidate, List<Placed> pieces, int at) {
        List<Pos> chars = new ArrayList<>();
        for (int p : candidate) {
            String text = pieces.get(p).text();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                fold(cp, 0, chars);
                i += Character.charCount(cp);
            }
        }
        if (at + chars.size() > read.size()) return false;
        for (int k = 0; k < chars.size(); k++) if (read.get(at + k).c() != chars.get(k).c()) return false;
        return true;
    }

    private static int folded(String text) {
        List<Pos> chars = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            fold(cp, 0, chars);
            i += Character.charCount(cp);
        }
        return chars.size();
    }

    private static void fold(int cp, int at, List<Pos> out) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return;
        String folded = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
        for (int k = 0; k < folded.length(); k++) {
            char c = folded.charAt(k);
            if (!Character.isWhitespace(c)) out.add(new Pos(c, at));
        }
    }

    private static String context(List<Pos> chars, int at) {
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, at - CONTEXT); i < Math.min(chars.size(), at + CONTEXT); i++) {
            if (i == at) out.append("⟦");
            out.append(chars.get(i).c());
        }
        if (at >= chars.size()) out.append("⟦");
        return out.toString();
    }
}
