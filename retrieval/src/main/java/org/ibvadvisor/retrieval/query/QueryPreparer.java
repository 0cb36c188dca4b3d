package org.ibvadvisor.retrieval.query;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides what a query is searched with: the word signals get the query plus the translation of its English terms;
 * the vector signal gets the query, the translation or both, as configured. Thread-safe.
 */
public final class QueryPreparer {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    /** Which queries are translated. */
    public enum Translate {
        /** none */
        NEVER,
        /** queries with Latin letters and no Chinese characters */
        ENGLISH,
        /** every query with Latin letters (mixed queries get their English terms rendered too) */
        ALWAYS
    }

    /** What a translated query embeds. */
    public enum DenseText {
        /** the query as asked */
        ORIGINAL,
        /** the Chinese renderings alone */
        TRANSLATION,
        /** the query followed by the renderings */
        BOTH
    }

    private final QueryTranslator translator;
    private final Translate translate;
    private final DenseText denseText;

    public QueryPreparer(QueryTranslator translator, Translate translate, DenseText denseText) {
        this.translator = Objects.requireNonNull(translator, "translator");
        this.translate = Objects.requireNonNull(translate, "translate");
        this.denseText = Objects.requireNonNull(denseText, "denseText");
    }

    public QueryTexts prepare(String query) {
        String translation = shouldTranslate(query) ? translator.translate(query) : "";
        if (translation.isEmpty()) return new QueryTexts(query, query, "");
        String dense = switch (denseText) {
            case ORIGINAL -> query;
            case TRANSLATION -> translation;
            case BOTH -> query + "\n" + translation;
        };
        return new QueryTexts(query + "\n" + translation, dense, translation);
    }

    private boolean shouldTranslate(String query) {
        return switch (translate) {
            case NEVER -> false;
            case ENGLISH -> LATIN.matcher(query).find() && !HAN.matcher(query).find();
            case ALWAYS -> LATIN.matcher(query).find();
        };
    }
}
