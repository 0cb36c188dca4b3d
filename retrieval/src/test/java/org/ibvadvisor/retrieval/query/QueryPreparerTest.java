package org.ibvadvisor.retrieval.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ibvadvisor.retrieval.query.QueryPreparer.DenseText;
import org.ibvadvisor.retrieval.query.QueryPreparer.Translate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryPreparerTest {
    private static final QueryTranslator FAKE = query -> query.contains("ROI") ? "投资回报率" : "";

    @ParameterizedTest(name = "{0}/{1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "ENGLISH; TRANSLATION; What is the ROI?; What is the ROI?\\n投资回报率; 投资回报率",
            "ENGLISH; BOTH; What is the ROI?; What is the ROI?\\n投资回报率; What is the ROI?\\n投资回报率",
            "ENGLISH; ORIGINAL; What is the ROI?; What is the ROI?\\n投资回报率; What is the ROI?",
            "ENGLISH; TRANSLATION; GenAI 的 ROI 是多少; GenAI 的 ROI 是多少; GenAI 的 ROI 是多少",
            "ALWAYS; TRANSLATION; GenAI 的 ROI 是多少; GenAI 的 ROI 是多少\\n投资回报率; 投资回报率",
            "NEVER; TRANSLATION; What is the ROI?; What is the ROI?; What is the ROI?",
            "ENGLISH; TRANSLATION; Nothing known; Nothing known; Nothing known"})
    void english_terms_are_added_for_words_and_replace_or_join_the_query_for_vectors(
            Translate translate, DenseText dense, String query, String lexical, String embedded) {
        QueryTexts texts = new QueryPreparer(FAKE, translate, dense).prepare(query);
        assertEquals(lexical.replace("\\n", "\n"), texts.lexical());
        assertEquals(embedded.replace("\\n", "\n"), texts.dense());
    }
}
