package org.ibvadvisor.answer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.fakes.BigramHashEmbedder;
import org.ibvadvisor.answer.fakes.Corpus;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.query.QueryPreparer;
import org.ibvadvisor.retrieval.query.QueryTranslator;
import org.junit.jupiter.api.Test;

class EmbeddingExtractorTest {

    private static final Corpus CORPUS = Corpus.bundled();
    private static final Passage REVENUE = CORPUS.passageWith("全球 2000 强企业的总收入中有 40% 将来自", 1);
    private static final Passage PARTNERS = CORPUS.passageWith("55% 的企业高管表示", 1);
    private static final String QUESTION = "到 2026 年，全球 2000 强企业的收入有多大比例会来自数字产品、服务和体验？";

    private final EmbeddingExtractor extractor = EmbeddingExtractor.defaults(new BigramHashEmbedder());
    private final EmbeddingExtractor several = untranslated(50);

    @Test
    void the_sentence_that_answers_comes_first_numbered_by_its_passage_and_quoted_exactly() {
        List<Finding> findings = extractor.extract(QUESTION, List.of(PARTNERS, REVENUE), 3);

        Finding best = findings.getFirst();
        assertEquals(2, best.n());
        assertTrue(best.readable().contains("40% 将来自数字产品、服务和体验"), best.readable());
        String source = CORPUS.report(best.passage().reportId()).source();
        assertEquals(best.quote(), source.substring(best.sourceStart(), best.sourceEnd()));
        assertEquals(3, findings.size());
        for (int i = 1; i < findings.size(); i++) {
            assertTrue(findings.get(i).score() <= best.score() + 0.05, "best first");
        }
    }

    @Test
    void no_more_than_max_per_passage_sentences_come_from_one_passage() {
        EmbeddingExtractor one = untranslated(1);

        assertEquals(List.of(2, 1), one.extract(QUESTION, List.of(PARTNERS, REVENUE), 5).stream().map(Finding::n).toList());
        EmbeddingExtractor two = untranslated(2);
        List<Finding> picked = two.extract(QUESTION, List.of(PARTNERS, REVENUE), 5);
        assertEquals(4, picked.size());
        assertEquals(2, picked.stream().filter(f -> f.n() == 1).count());
    }

    @Test
    void an_english_question_is_compared_with_its_terms_chinese_renderings_as_well() {
        String english = "What share of the revenue of the Global 2000 will come from digital products, services and experiences?";
        EmbeddingExtractor untranslated = untranslated(3);

        Finding best = extractor.extract(english, List.of(PARTNERS, REVENUE), 1).getFirst();
        Finding bestUntranslated = untranslated.extract(english, List.of(PARTNERS, REVENUE), 1).getFirst();

        assertTrue(best.readable().contains("40% 将来自数字产品、服务和体验"), best.readable());
        assertFalse(bestUntranslated.readable().contains("40% 将来自"), "without the renderings: " + bestUntranslated.readable());
    }

    @Test
    void a_sentence_repeated_in_another_passage_is_not_picked_twice() {
        List<Finding> findings = several.extract(QUESTION, List.of(REVENUE, REVENUE, PARTNERS), 3);

        assertEquals(3, findings.stream().map(Finding::readable).distinct().count(),
                () -> findings.stream().map(Finding::readable).toList().toString());
    }

    @Test
    void headings_fragments_and_references_are_never_quoted() {
        Passage headings = CORPUS.passageWith("打造超级", 1);
        Passage notes = CORPUS.passages().stream().filter(p -> p.text().contains("https://")).findFirst().orElseThrow();
        List<Finding> findings = several.extract("超级生态 混合设计 https", List.of(headings, notes), 50);

        assertFalse(findings.isEmpty());
        assertTrue(findings.stream().allMatch(f -> f.readable().length() >= 12 && !f.readable().contains("http")
                        && (f.readable().length() >= 24 || f.readable().matches(".*[。！？：”]$"))),
                () -> findings.stream().map(Finding::readable).toList().toString());
    }

    @Test
    void when_the_embedder_fails_bigram_overlap_still_finds_the_answer() {
        Embedder broken = failing();

        List<Finding> findings = EmbeddingExtractor.defaults(broken).extract(QUESTION, List.of(PARTNERS, REVENUE), 1);

        assertEquals(1, findings.size());
        assertTrue(findings.getFirst().readable().contains("40%"), findings.getFirst().readable());
    }

    @Test
    void findings_of_one_passage_are_cited_once_by_a_quote_spanning_them() {
        List<Finding> findings = several.extract(QUESTION, List.of(REVENUE), 2);
        assertEquals(2, findings.size());
        List<Citation> citations = Findings.citations(findings);

        assertEquals(1, citations.size());
        Citation citation = citations.getFirst();
        String source = CORPUS.report(REVENUE.reportId()).source();
        assertEquals(citation.quote(), source.substring(citation.start(), citation.end()));
        for (Finding f : findings) {
            assertTrue(citation.start() <= f.sourceStart() && f.sourceEnd() <= citation.end());
        }
        assertTrue(Findings.list(findings).lines().allMatch(l -> l.startsWith("- ") && l.endsWith(" [1]")));
    }

    private static Embedder failing() {
        return new Embedder() {
            @Override
            public List<float[]> embedPassages(List<String> texts) {
                throw new IllegalStateException("model file missing");
            }

            @Override
            public float[] embedQuery(String query) {
                throw new IllegalStateException("model file missing");
            }

            @Override
            public String modelId() {
                return "broken";
            }

            @Override
            public int dimensions() {
                return 1;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void a_question_asking_how_much_is_answered_first_by_the_sentence_giving_the_figure() {
        Passage compute = CORPUS.passageWith("平均计算成本将攀升 89%", 1);
        String question = "企业的平均计算成本预计会上涨多少？";

        Finding first = extractor.extract(question, List.of(compute, PARTNERS), 5).getFirst();

        assertTrue(first.readable().contains("攀升 89%"), first.readable());
        assertEquals(first.quote(), CORPUS.report(first.passage().reportId()).source().substring(first.sourceStart(), first.sourceEnd()));
    }

    @Test
    void a_list_items_bold_lead_is_quoted_with_the_sentence_that_follows_it() {
        Passage security = CORPUS.passageWith("让首席信息安全官负责发现训练或调优中使用的敏感数据", 1);

        List<Finding> findings = extractor.extract("保护为 AI 提供动力的数据应该怎么做？", List.of(security), 5);

        Finding lead = findings.stream().filter(f -> f.readable().contains("保护为 AI 提供动力的数据")).findFirst().orElseThrow();
        assertTrue(lead.readable().contains("让首席信息安全官负责"), lead.readable());
        assertEquals(lead.quote(), security.text().substring(lead.start(), lead.end()));
    }

    /** The default settings, but the query compared as it is asked. */
    private static EmbeddingExtractor untranslated(int maxPerPassage) {
        return new EmbeddingExtractor(new BigramHashEmbedder(), new EmbeddingExtractor.Settings(new QueryPreparer(
                QueryTranslator.NONE, QueryPreparer.Translate.NEVER, QueryPreparer.DenseText.ORIGINAL),
                0.7, 0.05, 12, 60, maxPerPassage, false, false));
    }
}
