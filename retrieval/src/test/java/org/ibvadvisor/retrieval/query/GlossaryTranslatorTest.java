package org.ibvadvisor.retrieval.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlossaryTranslatorTest {
    private static final Glossary GLOSSARY = Glossary.parse("""
            # test glossary
            executive\t高管
            generative ai\t生成式 AI
            ai\tAI|人工智能
            supply chain\t供应链
            company\t企业|公司
            in house\t内部
            ceo\tCEO
            """);
    private final GlossaryTranslator translator = new GlossaryTranslator(GLOSSARY);

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = ';', value = {
            "What do executives expect of generative AI?; 高管 生成式 AI",
            "AI in the supply chain; AI 人工智能 供应链",
            "Which companies have in-house AI?; 企业 公司 内部 AI 人工智能",
            "What did the CEO's survey find in 2023?; CEO 2023",
            "What share, 38% or 4.5%?; 38% 4.5%",
            "Nothing listed here; ''"})
    void translates_the_longest_listed_phrases_and_keeps_numbers(String query, String expected) {
        assertEquals(expected, translator.translate(query));
    }

    @Test
    void plural_and_verb_endings_are_tried_when_the_word_as_written_is_not_listed() {
        assertEquals("供应链", translator.translate("supply chains"));
        assertTrue(GlossaryTranslator.stems("companies").contains("company"));
        assertTrue(GlossaryTranslator.stems("deployed").contains("deploy"));
    }

    @Test
    void a_fallback_glossary_is_asked_only_for_words_the_first_one_lacks() {
        Glossary fallback = Glossary.parse("executive\t行政\ninnovation\t创新\n");
        GlossaryTranslator both = new GlossaryTranslator(java.util.List.of(GLOSSARY, fallback));
        assertEquals("高管 创新", both.translate("executives and innovation"));
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = ';', value = {
            "How does Volkswagen use AI?; 大众汽车 AI 人工智能",
            "How does volkswagen use AI?; 人民 AI 人工智能",
            "Which executives in Latin America?; 高管 拉丁美洲",
            "Is the Post a company?; 邮报 企业 公司"})
    void a_names_table_renders_only_capitalised_phrases(String query, String expected) {
        Glossary names = Glossary.parse("volkswagen\t大众汽车\nlatin america\t拉丁美洲\npost\t邮报\n");
        Glossary words = Glossary.parse("volkswagen\t人民\n");
        assertEquals(expected, GlossaryTranslator.withNames(GLOSSARY, names, List.of(words)).translate(query));
    }

    @Test
    void the_bundled_names_table_knows_companies_and_places_the_reports_may_not_hold() {
        assertEquals(List.of("丰田"), Glossary.names().lookup("toyota"));
        assertTrue(Glossary.names().lookup("volkswagen").contains("大众汽车"));
        assertTrue(Glossary.names().size() > 10_000);
    }

    @Test
    void the_bundled_dictionary_fallback_loads_with_its_attribution() {
        Glossary dictionary = Glossary.dictionary();
        assertTrue(dictionary.size() > 1000, "entries: " + dictionary.size());
        assertTrue(dictionary.lookup("carbon footprint").contains("碳足迹"));
    }

    @Test
    void a_malformed_glossary_line_is_refused_with_its_number() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Glossary.parse("ceo\tCEO\nno tab here"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void the_bundled_glossary_loads_and_covers_the_domain_terms() {
        Glossary bundled = Glossary.bundled();
        assertTrue(bundled.size() > 300, "entries: " + bundled.size());
        GlossaryTranslator full = new GlossaryTranslator(bundled);
        for (String[] pair : new String[][] {{"executives", "高管"}, {"generative AI", "生成式 AI"}, {"ROI", "投资回报率"},
                {"supply chain", "供应链"}, {"compute costs", "计算成本"}, {"ecosystems", "生态系统"},
                {"infrastructure", "基础设施"}, {"hybrid cloud", "混合云"}, {"talent", "人才"}, {"skills", "技能"}}) {
            assertTrue(full.translate(pair[0]).contains(pair[1]), pair[0] + " → " + full.translate(pair[0]));
        }
    }
}
