package org.ibvadvisor.answer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.ibvadvisor.answer.fakes.Corpus;
import org.ibvadvisor.retrieval.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentencesTest {

    static Stream<Arguments> sourceCases() {
        return Stream.of(
                Arguments.of("到 2026 年，有 40% 将来自\n数字产品、服务和体验。1 我们是否正在见证模拟时代的\n终结？看起来是的。",
                        List.of("到 2026 年，有 40% 将来自\n数字产品、服务和体验。1", "我们是否正在见证模拟时代的\n终结？", "看起来是的。")),
                Arguments.of("他说：“我们认为有两个维度。”然后离开。",
                        List.of("他说：“我们认为有两个维度。”", "然后离开。")),
                Arguments.of("增长 2.5 倍。Costs fell 3.5 percent. Then U.S. firms rose!",
                        List.of("增长 2.5 倍。", "Costs fell 3.5 percent.", "Then U.S. firms rose!")),
                Arguments.of("打造超级\n生态\n\n混合设计开启强力\n生态引擎",
                        List.of("打造超级\n生态", "混合设计开启强力\n生态引擎")),
                Arguments.of("2026 年。2027 年", List.of("2026 年。", "2027 年")));
    }

    @ParameterizedTest
    @MethodSource("sourceCases")
    void source_text_splits_at_terminators_and_blank_lines_but_not_at_wrapped_lines(String text, List<String> expected) {
        assertEquals(expected, Sentences.ofSource(text).stream().map(s -> s.in(text)).toList());
    }

    @Test
    void in_an_answer_every_line_is_its_own_sentence_and_a_full_stop_before_a_mark_ends_one() {
        String answer = "要点如下：\n- 40% 的收入来自数字产品 [1]\n- 成本下降.[2] Next point.";
        assertEquals(List.of("要点如下：", "- 40% 的收入来自数字产品 [1]", "- 成本下降.", "[2] Next point."),
                Sentences.ofAnswer(answer).stream().map(s -> s.in(answer)).toList());
    }

    @Test
    void every_sentence_of_every_corpus_passage_is_an_exact_trimmed_span_of_its_report() {
        Corpus corpus = Corpus.bundled();
        int sentences = 0;
        for (Passage passage : corpus.passages()) {
            String source = corpus.report(passage.reportId()).source();
            assertEquals(passage.text(), source.substring(passage.start(), passage.end()));
            int previousEnd = 0;
            for (Sentence sentence : Sentences.ofSource(passage.text())) {
                String text = sentence.in(passage.text());
                assertEquals(text, source.substring(passage.start() + sentence.start(), passage.start() + sentence.end()));
                assertEquals(text.strip(), text, "sentence not trimmed in " + passage.id());
                assertTrue(sentence.start() >= previousEnd, "sentences overlap in " + passage.id());
                previousEnd = sentence.end();
                sentences++;
            }
        }
        assertTrue(sentences > 1000, "only " + sentences + " sentences in the corpus");
    }
}
