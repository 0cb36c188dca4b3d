package org.ibvadvisor.index;

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
}
