package org.ibvadvisor.retrieval.query;

import java.util.Objects;

/**
 * The texts a query is searched with.
 *
 * @param lexical     searched by the word signals
 * @param dense       embedded for the vector signal
 * @param translation the glossary's renderings of the query's English terms; empty when none
 */
public record QueryTexts(String lexical, String dense, String translation) {
    public QueryTexts {
        Objects.requireNonNull(lexical, "lexical");
        Objects.requireNonNull(dense, "dense");
        Objects.requireNonNull(translation, "translation");
    }
}
