package org.ibvadvisor.retrieval.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.retrieval.TestIndex;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.query.Glossary;
import org.ibvadvisor.retrieval.signal.SearchQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryNamesTest {
    private static TestIndex index;
    private static ChunkCatalog catalog;
    private static QueryNames names;
    private static QueryNames withRenderings;

    @BeforeAll
    static void open() {
        index = NamedReports.open();
        catalog = ChunkCatalog.load(index.store());
        // 11 chunks: a name in at most 2 of them is specific; CEO is in 4
        names = new QueryNames(catalog, ProperNouns.bundled(), 0.2);
        withRenderings = new QueryNames(catalog, ProperNouns.bundled(), 0.2,
                List.of(Glossary.parse("roi\t投资回报率|ROI\ngenai\t生成式 AI\n"), Glossary.parse("japan\t日本\n")));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "OpenAI 和 Anthropic 的模型份额是多少？ | openai anthropic",
            "What percentage of German CEOs plan to cut jobs by 2025? | 2025 german",
            "新加坡和日本的高管怎么看？ | 新加坡 日本",
            "GPUs 和 WPP's 首席执行官 | gpu wpp",
            "What share of executives expect growth? | ''",
            "到 ２０３０ 年 CEO 的 AI 预算 | 2030",
            "计算成本上涨了多少？ | ''"})
    void finds_the_specific_names_a_query_asks_about(String query, String expected) {
        List<String> want = expected.isBlank() ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(want, names.of(new SearchQuery(query, query, null)));
    }

    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "2030 年日本的 GPU 成本 | 3 4  | 0.6666666666666666",
            "2025 年的计算成本 | 0 | 0.0",
            "日本企业 | 0 1 | 1.0",
            "计算成本上涨了多少？ | 0 | 0.0"})
    void the_missing_share_counts_names_no_given_chunk_mentions(String query, String ordinals, double expected) {
        List<Chunk> chunks = Arrays.stream(ordinals.trim().split(" +")).map(o -> catalog.chunksOf("compute").get(Integer.parseInt(o))).toList();
        assertEquals(expected, names.missingShare(new SearchQuery(query, query, null), chunks), 1e-9);
    }

    @ParameterizedTest(name = "{0}: as written {1}, in other forms {2}")
    @CsvSource(delimiter = '|', value = {
            "GenAI 的 ROI 能达到多少？ | 1.0 | 0.0",
            "未来 30 年的 ROI | 1.0 | 0.0",
            "未来 40 年的 ROI | 1.0 | 0.5",
            "OpenAI 的 ROI | 1.0 | 0.5"})
    void a_name_counts_as_mentioned_in_its_glossary_rendering_or_chinese_numerals(String query, double asWritten, double inOtherForms) {
        List<Chunk> last = List.of(catalog.chunksOf("compute").getLast());
        SearchQuery asked = new SearchQuery(query, query, null);
        assertEquals(asWritten, names.missingShare(asked, last), 1e-9);
        assertEquals(inOtherForms, withRenderings.missingShare(asked, last), 1e-9);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"10, 十", "15, 十五", "30, 三十", "42, 四十二", "99, 九十九"})
    void writes_two_digit_numbers_in_chinese_numerals(int number, String numeral) {
        assertEquals(numeral, QueryNames.chineseNumeral(number));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "What do firms in Japan spend on GPUs? | 0.0",
            "What do firms in Japan spend on Daiichi? | 0.0",
            "What will Japan spend in 2030? | 0.5",
            "What do Daiichi and Sankyo spend? | 0.0",
            "日本和 Daiichi 的 GPU 预算 | 0.6666666666666666"})
    void an_english_question_checks_only_numbers_and_names_whose_chinese_form_is_known(String query, double expected) {
        // chunk 3 of "compute": 日本企业更早采用了云计算。 — no GPU, no Daiichi, no 2030
        List<Chunk> japan = List.of(catalog.chunksOf("compute").get(3));
        assertEquals(expected, withRenderings.missingCheckedShare(new SearchQuery(query, query, null), japan), 1e-9);
    }
}
