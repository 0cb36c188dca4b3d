package org.ibvadvisor.retrieval;

import java.util.List;

/** Names of the signals a retriever can fuse; the keys of {@link Passage#ranks()}. */
public final class Signals {
    /** BM25 over SmartChinese-segmented words. */
    public static final String BM25 = "bm25";
    /** BM25 over overlapping CJK character pairs. */
    public static final String BIGRAM = "bigram";
    /** Cosine similarity of the query and chunk embeddings. */
    public static final String DENSE = "dense";
    /** Share of the query's term weight found within two consecutive sentences of a chunk. */
    public static final String SENTENCE = "sentence";

    /** Cosine similarity of the query and a chunk's nearest sentence. */
    public static final String DENSE_SENTENCE = "dense-sentence";

    public static final List<String> ALL = List.of(BM25, BIGRAM, DENSE, SENTENCE, DENSE_SENTENCE);

    private Signals() {
    }

    static void requireKnown(String name) {
        if (!ALL.contains(name)) throw new IllegalArgumentException("unknown signal '" + name + "'; known: " + ALL);
    }
}
