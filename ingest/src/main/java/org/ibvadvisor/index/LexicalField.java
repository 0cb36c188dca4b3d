package org.ibvadvisor.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The word-matching (BM25) fields of a chunk, each analysed differently. Both hold the section trail and the
 * cleaned text ({@link ContextualText}); retrieval can use either or both.
 */
public enum LexicalField {
    /** Words as segmented by Lucene's SmartChineseAnalyzer (HMM word segmentation; Latin lower-cased and stemmed). */
    SMARTCN("text_smartcn"),
    /** Overlapping pairs of CJK characters (CJKBigramFilter); Latin words whole, width-folded and lower-cased. */
    BIGRAM("text_bigram");

    final String fieldName;

    LexicalField(String fieldName) {
        this.fieldName = fieldName;
    }

    /** Distinct terms of {@code text} as this field's analyser makes them, in order of first appearance. */
    public List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = Analyzers.of(this).tokenStream(fieldName, text == null ? "" : text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) terms.add(term.toString());
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }
}
