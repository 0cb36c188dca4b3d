package org.ibvadvisor.answer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.conversation.Message;
import org.ibvadvisor.conversation.Role;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {
    private static final Citation CITATION = new Citation(1, "r#1", "r", "报告", "第一章", "78% 的高管", 3, 10);
    private static final Answer.Timings TIMINGS = new Answer.Timings(2.0, 15.5, 40.0);

    /** Exactly what the code before the one codec stored with an answer's message (StoredAnswers.toJson). */
    private static final String STORED_BEFORE = "{\"conversationId\":\"c1\",\"messageId\":null,\"answer\":\"据报告 [1]。\","
            + "\"mode\":\"extractive\",\"citations\":[{\"n\":1,\"passageId\":\"r#1\",\"report\":{\"id\":\"r\",\"title\":\"报告\"},"
            + "\"section\":\"第一章\",\"quote\":\"78% 的高管\",\"span\":{\"start\":3,\"end\":10}}],\"warnings\":[\"LLM offline\"],"
            + "\"model\":null,\"timings\":{\"retrieveMs\":2.0,\"firstTokenMs\":15.5,\"totalMs\":40.0},\"query\":\"高管的比例\"}";

    @Test
    void each_kind_goes_to_json_and_back_unchanged() {
        for (Answer answer : List.of(
                new Answer.Generated("c1", "m1", "据报告 [1]。", List.of(CITATION), List.of("w"), "qwen2.5:7b", TIMINGS),
                new Answer.Extractive("c1", "m1", "- 据报告 [1]", List.of(CITATION), List.of("offline"), TIMINGS),
                new Answer.Refused("c1", null, "这些报告没有涉及这个问题。", List.of(), List.of(), TIMINGS))) {
            assertEquals(answer, AnswerJson.read(AnswerJson.write(answer)));
        }
    }

    @Test
    void the_mode_is_named_and_only_a_generated_answer_names_a_model() {
        Answer generated = new Answer.Generated("c1", "m1", "答", List.of(), List.of(), "qwen2.5:7b", TIMINGS);
        Answer refused = new Answer.Refused("c1", "m1", "答", List.of(), List.of(), TIMINGS);
        assertEquals("generated", AnswerJson.write(generated).get("mode").asText());
        assertEquals("qwen2.5:7b", AnswerJson.write(generated).get("model").asText());
        assertEquals("refused", AnswerJson.write(refused).get("mode").asText());
        assertTrue(AnswerJson.write(refused).get("model").isNull());
    }

    @Test
    void an_answer_is_stored_as_the_previous_code_stored_it() {
        Answer answer = new Answer.Extractive("c1", "m9", "据报告 [1]。", List.of(CITATION), List.of("LLM offline"), TIMINGS);
        assertEquals(STORED_BEFORE, AnswerJson.stored(answer, "c1", "高管的比例"));
    }

    @Test
    void a_message_stored_by_the_previous_code_reads_back_and_shows_as_stored_with_its_ids() throws Exception {
        Message message = new Message("m1", "c1", Role.ASSISTANT, "据报告 [1]。", Instant.EPOCH, STORED_BEFORE);

        assertEquals(new Answer.Extractive("c1", "m1", "据报告 [1]。", List.of(CITATION), List.of("LLM offline"), TIMINGS),
                AnswerJson.fromMessage(message).orElseThrow());
        assertEquals("高管的比例", AnswerJson.queryOf(message).orElseThrow());
        assertEquals(new ObjectMapper().readTree(STORED_BEFORE.replace("\"messageId\":null", "\"messageId\":\"m1\"")),
                AnswerJson.shown(message));
    }

    @Test
    void a_question_or_metadata_that_is_not_an_object_holds_no_answer() {
        Message question = new Message("m1", "c1", Role.USER, "问", Instant.EPOCH, null);
        Message broken = new Message("m2", "c1", Role.ASSISTANT, "答", Instant.EPOCH, "[1, 2]");
        assertTrue(AnswerJson.fromMessage(question).isEmpty());
        assertTrue(AnswerJson.fromMessage(broken).isEmpty());
        assertTrue(AnswerJson.shown(question).isNull());
        assertTrue(AnswerJson.shown(broken).isNull());
    }
}
