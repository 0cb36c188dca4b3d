package org.ibvadvisor.answer.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.ibvadvisor.answer.generate.GenerationFailure.Deadline;
import org.ibvadvisor.answer.text.Language;
import org.ibvadvisor.text.CjkChars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GenerationFailureMessagesTest {
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new GenerationFailure.Unreachable("http://gpu:11434", "connection refused"),
                        new String[] {"http://gpu:11434", "connection refused", "`ollama serve`", "--ollama-url"}),
                Arguments.of(new GenerationFailure.ModelNotFound("qwen3:8b", "http://gpu:11434"),
                        new String[] {"qwen3:8b", "http://gpu:11434", "`ollama pull qwen3:8b`"}),
                Arguments.of(new GenerationFailure.HttpError(500, "input exceeds the context length"),
                        new String[] {"HTTP 500", "input exceeds the context length", "num_ctx"}),
                Arguments.of(new GenerationFailure.HttpError(503, "server busy"), new String[] {"HTTP 503", "server busy", "稍后再试"}),
                Arguments.of(new GenerationFailure.StreamBroken("connection reset"), new String[] {"connection reset"}),
                Arguments.of(new GenerationFailure.DeadlineExceeded(Deadline.FIRST_TOKEN, Duration.ofSeconds(60)), new String[] {"60 秒"}),
                Arguments.of(new GenerationFailure.DeadlineExceeded(Deadline.IDLE, Duration.ofMillis(1500)), new String[] {"1.5 秒"}),
                Arguments.of(new GenerationFailure.DeadlineExceeded(Deadline.TOTAL, Duration.ofSeconds(120)), new String[] {"120 秒"}),
                Arguments.of(new GenerationFailure.Busy(4, 16, Duration.ofSeconds(5)), new String[] {"4", "16", "5 秒"}));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void a_chinese_question_gets_the_reason_in_chinese_with_the_fix_and_details_as_they_are(GenerationFailure failure, String[] kept) {
        String warning = failure.message(Language.ZH);
        assertTrue(warning.codePoints().anyMatch(CjkChars::isHan), warning);
        for (String part : kept) assertTrue(warning.contains(part), part + " in " + warning);
        assertFalse(warning.startsWith(failure.message()), "not the English message: " + warning);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void an_english_question_gets_the_generators_own_message(GenerationFailure failure, String[] kept) {
        assertEquals(failure.message(), failure.message(Language.EN));
    }
}
