package org.ibvadvisor.answer.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.fakes.Corpus;
import org.ibvadvisor.answer.generate.ContextWindow;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.retrieval.Passage;
import org.junit.jupiter.api.Test;

class CitingPromptWriterTest {

    private static final Corpus CORPUS = Corpus.bundled();
    private static final Passage REVENUE = CORPUS.passageWith("全球 2000 强企业的总收入中有 40% 将来自", 1);
    private static final Passage PARTNERS = CORPUS.passageWith("55% 的企业高管表示", 1);

    private final CitingPromptWriter writer = CitingPromptWriter.defaults();

    @Test
    void passages_are_numbered_in_order_with_report_title_and_readable_text_then_the_question() {
        String question = "全球 2000 强企业的收入有多大比例会来自数字产品？";
        Prompt prompt = writer.write(asked(question), question, List.of(REVENUE, PARTNERS));

        String user = prompt.user();
        int first = user.indexOf("[1] 《" + REVENUE.reportTitle() + "》");
        int second = user.indexOf("[2] 《" + PARTNERS.reportTitle() + "》");
        assertTrue(first >= 0 && second > first, user);
        assertTrue(user.contains("总收入中有 40% 将来自数字产品、服务和体验"), "wrapped lines are joined: " + user);
        assertTrue(user.strip().endsWith("问题：" + question), user);
        assertFalse(user.contains("结合上文"), "no condensed query when it equals the question");
        assertTrue(prompt.system().contains("[n]") || prompt.system().contains("[1]"));
        assertTrue(prompt.system().contains("没有涉及"), prompt.system());
        assertTrue(prompt.system().contains("中文"));
    }

    @Test
    void an_english_question_gets_the_instruction_in_english_asking_for_an_english_answer() {
        Prompt prompt = writer.write(asked("What share of revenue will come from digital products?"), "x", List.of(REVENUE));

        assertTrue(prompt.system().contains("answer in English"), prompt.system());
        assertTrue(prompt.system().contains("do not cover"), prompt.system());
        assertTrue(prompt.user().startsWith("Passages:\n[1] "), prompt.user());
        assertTrue(prompt.user().contains("Question: What share of revenue"), prompt.user());
        assertTrue(prompt.user().contains("(In context: x)"), prompt.user());
    }

    @Test
    void a_condensed_follow_up_is_shown_beside_the_question_as_asked() {
        Prompt prompt = writer.write(asked("那 2025 年呢？"), "全球 2000 强企业 收入 数字产品 2025 年", List.of(REVENUE));

        assertTrue(prompt.user().contains("问题：那 2025 年呢？\n（结合上文，即：全球 2000 强企业 收入 数字产品 2025 年）"),
                prompt.user());
    }

    @Test
    void long_passages_are_cut_so_that_five_of_them_stay_within_a_4k_window_with_room_to_answer() {
        CitingPromptWriter tight = new CitingPromptWriter(100, 1);
        Prompt prompt = tight.write(asked("问题？"), "问题？", List.of(REVENUE));
        assertTrue(prompt.user().contains("…"), prompt.user());

        List<Passage> longest = CORPUS.passages().stream()
                .sorted((a, b) -> Integer.compare(b.text().length(), a.text().length())).limit(5).toList();
        Prompt five = writer.write(asked("生成式 AI 的投资回报率是多少？"), "生成式 AI 的投资回报率是多少？", longest);
        int tokens = ContextWindow.estimateTokens(five);
        assertTrue(tokens + 1024 <= 8192, "five long passages estimated at " + tokens + " tokens");
    }

    @Test
    void a_prompt_without_passages_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> writer.write(asked("问题？"), "问题？", List.of()));
    }

    private static Question asked(String text) {
        return new Question(text, null, Set.of());
    }
}
