package org.ibvadvisor.eval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.corpus.ReportMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {
    private static Report report(String id, String text) {
        return new Report(new ReportMetadata(id, "标题", "Title", "短", "IBM", 2024, "zh"), null, text, "h-" + id);
    }

    private static Map<String, String> passages(int count) {
        Map<String, String> passages = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) passages.put("p" + i, "第 " + i + " 段新闻。");
        return passages;
    }

    @Test
    void copies_vary_digits_and_words_and_rgb_groups_are_spread_among_them() {
        List<Report> reports = List.of(report("alpha", "企业的高管说 40% 的数据很重要。"), report("beta", "客户 7 个。"));
        SyntheticCorpus corpus = SyntheticCorpus.of(reports, passages(150), 3);

        List<String> ids = corpus.pieces().stream().map(p -> p.metadata().id()).toList();
        assertEquals(List.of("alpha", "beta", "rgb-0000", "alpha-v001", "beta-v001", "rgb-0001", "alpha-v002", "beta-v002",
                "rgb-0002"), ids);
        assertEquals("企业的高管说 40% 的数据很重要。", corpus.pieces().get(0).text());
        String copy1 = corpus.pieces().get(3).text();
        String copy2 = corpus.pieces().get(6).text();
        assertEquals("公司的高管说 62% 的数据很重要。", copy1);
        assertEquals("企业的领导者说 73% 的数据很重要。", copy2);
        assertNotEquals(copy1, copy2);
        assertTrue(corpus.pieces().get(2).text().startsWith("第 0 段新闻。\n\n第 1 段新闻。"));
    }

    @Test
    void sentences_are_shuffled_within_paragraphs_and_nothing_is_lost() {
        String text = "标题\n\n甲一。甲二！甲三？\n\n乙一。乙二。没有句号的尾巴\n";
        String shuffled = SyntheticCorpus.shuffleSentences(text, new java.util.Random(3));

        assertEquals(sorted(text), sorted(shuffled));
        assertTrue(shuffled.startsWith("标题\n\n"), shuffled);
        assertTrue(shuffled.endsWith("没有句号的尾巴\n"), shuffled);
        assertTrue(shuffled.indexOf("甲") < shuffled.indexOf("乙"), "paragraphs keep their order: " + shuffled);
        java.util.Set<String> variants = new java.util.HashSet<>();
        for (int seed = 0; seed < 20; seed++) variants.add(SyntheticCorpus.shuffleSentences(text, new java.util.Random(seed)));
        assertTrue(variants.size() > 5, "variants: " + variants);
    }

    private static String sorted(String text) {
        return text.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Test
    void a_prefix_holds_at_least_the_chunks_asked_for_and_is_written_as_a_readable_corpus(@TempDir Path dir) {
        SyntheticCorpus corpus = SyntheticCorpus.of(List.of(report("alpha", "正文。")), passages(120), 2);
        List<SyntheticCorpus.Piece> prefix = corpus.prefix(25, piece -> 10);
        assertEquals(3, prefix.size());
        assertThrows(IllegalArgumentException.class, () -> corpus.prefix(1_000, piece -> 10));

        SyntheticCorpus.write(prefix, dir.resolve("corpus"));
        List<Report> read = CorpusReader.withDefaultReaders().read(dir.resolve("corpus")).reports();
        assertEquals(prefix.stream().map(p -> p.metadata().id()).sorted().toList(), read.stream().map(Report::id).sorted().toList());
    }
}
