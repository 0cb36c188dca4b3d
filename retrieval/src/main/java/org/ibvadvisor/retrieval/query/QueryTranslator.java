package org.ibvadvisor.retrieval.query;

/** Renders the foreign-language terms of a query in the reports' language. Implementations are thread-safe. */
public interface QueryTranslator {
    /**
     * @return the translations of the terms it knows, space-separated, in query order; empty when it knows none
     */
    String translate(String query);

    /** Translates nothing. */
    QueryTranslator NONE = query -> "";
}
