package org.ibvadvisor.answer.condense;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.Turn;
import org.ibvadvisor.llm.ollama.OllamaGenerator;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.RecordedRequest;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM condenser against the stand-in Ollama over real HTTP. */
class LlmCondenserTest {

    private static final List<Turn> HISTORY = List.of(
            Turn.user("到 2026 年，全球 2000 强企业的收入有多大比例会来自数字产品？", null),
            Turn.assistant("到 2026 年，这一比例为 40% [1]。"));

    private final StandInOllama ollama = StandInOllama.start();
    private final OllamaGenerator generator = new OllamaGenerator(OllamaSettings.defaults()
            .withBaseUrl(ollama.baseUrl()).withTimeouts(ofSeconds(3), ofSeconds(2), ofSeconds(5)));
    private final LlmCondenser condenser = new LlmCondenser(generator, new CarryOverCondenser(), ofSeconds(3));

    @AfterEach
    void close() {
        generator.close();
        ollama.close();
    }

    @Test
    void the_models_standalone_question_is_the_query_and_the_prompt_holds_the_conversation() {
        ollama.onChat(ChatScript.reply("问题：到 2025 年，全球 2000 强企业的收入有多大比例会来自数字产品？"));

        String query = condenser.condense(asked("那 2025 年呢？"), HISTORY);

        assertEquals("到 2025 年，全球 2000 强企业的收入有多大比例会来自数字产品？", query);
        RecordedRequest request = ollama.lastChatRequest();
        String user = request.messages().getLast().content();
        assertTrue(user.contains("用户：到 2026 年，全球 2000 强企业") && user.contains("助手：到 2026 年，这一比例为 40% 。")
                && user.endsWith("追问：那 2025 年呢？"), user);
    }

    @Test
    void a_question_that_stands_alone_costs_no_call_to_the_model() {
        String standalone = "生成式 AI 的投资回报率在企业中通常是多少？";

        assertEquals(standalone, condenser.condense(asked(standalone), HISTORY));
        assertEquals(0, ollama.chatRequests().size());
    }

    @Test
    void when_the_model_is_missing_fails_or_is_too_slow_the_previous_terms_are_carried_instead() {
        String expected = new CarryOverCondenser().condense(asked("那 2025 年呢？"), HISTORY);
        for (ChatScript failure : List.of(ChatScript.modelNotFound("qwen2.5:7b"), ChatScript.status(500, "boom"),
                ChatScript.reply("太慢了").firstByteDelay(Duration.ofSeconds(2)))) {
            ollama.onChat(failure);
            LlmCondenser impatient = new LlmCondenser(generator, new CarryOverCondenser(), ofMillis(500));

            assertEquals(expected, impatient.condense(asked("那 2025 年呢？"), HISTORY));
        }
        assertTrue(expected.startsWith("全球 2000 强企业的收入"), expected);
    }

    @Test
    void a_reply_that_is_blank_falls_back() {
        ollama.onChat(ChatScript.reply("   "));

        Question why = asked("why?");
        assertEquals(new CarryOverCondenser().condense(why, HISTORY), condenser.condense(why, HISTORY));
    }

    private static Question asked(String text) {
        return new Question(text, null, Set.of());
    }
}
