package org.ibvadvisor.eval.starters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.corpus.ReportMetadata;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.cli.wiring.StarterQuestions;
import org.ibvadvisor.testing.BundledIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * The starter questions the chat page offers ({@code starter-questions.json}) are answered well: the hybrid
 * retriever the server uses puts a passage holding each one's evidence in its top 3, with a confidence above the
 * refusal threshold, over the bundled index; and every report has some.
 */
class StarterQuestionsTest {
    private static final int TOP = 3;
    private static final StarterQuestions STARTERS = StarterQuestions.bundled();

    private static OnnxEmbedder embedder;
    private static ChunkStore index;
    private static Retriever hybrid;

    @BeforeAll
    static void open() {
        embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
        index = LuceneChunkStore.open(BundledIndex.path(), IndexSettings.forModel(embedder.modelId(), embedder.dimensions()));
        hybrid = new Retrievers(index, embedder).hybrid();
    }

    @AfterAll
    static void close() {
        if (index != null) index.close();
        if (embedder != null) embedder.close();
    }

    static Stream<Arguments> starters() {
        return STARTERS.byReport().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream().map(s -> Arguments.of(e.getKey(), s.question(), s.evidence())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("starters")
    void a_starter_question_finds_its_evidence_in_the_top_3_and_is_not_refused(String report, String question, String evidence) {
        Retrieval retrieval = hybrid.retrieve(new RetrievalRequest(question, 10, Set.of()));

        List<Passage> top = retrieval.passages().subList(0, Math.min(TOP, retrieval.passages().size()));
        String wanted = evidence.replaceAll("\\s", "");
        assertTrue(top.stream().anyMatch(p -> p.reportId().equals(report) && p.text().replaceAll("\\s", "").contains(wanted)),
                () -> "no passage of " + report + " in the top " + TOP + " holds “" + evidence + "”; top: "
                        + top.stream().map(p -> p.reportId() + ": " + p.text().strip().lines().findFirst().orElse("")).toList());
        assertTrue(retrieval.confidence() >= AnswerSettings.DEFAULT_REFUSAL_THRESHOLD,
                "confidence " + retrieval.confidence() + " would refuse the starter");
    }

    @Test
    void every_report_of_the_index_has_three_or_four_starters_and_no_starter_names_an_unknown_report() {
        Set<String> reports = new TreeSet<>(index.reports().stream().map(ReportMetadata::id).toList());
        assertEquals(reports, new TreeSet<>(STARTERS.byReport().keySet()));
        STARTERS.byReport().forEach((report, starters) -> {
            assertTrue(starters.size() >= 3 && starters.size() <= 4, report + " has " + starters.size() + " starters");
            starters.forEach(s -> assertTrue(s.question().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    "starters are in Chinese: " + s.question()));
        });
    }
}
