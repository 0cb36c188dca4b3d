package org.ibvadvisor.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversations outlive the advisor: a new one started on the same data folder serves and continues them. */
class RestartEndToEndTest {
    @TempDir
    Path data;

    @Test
    void conversations_with_their_answers_feedback_and_names_survive_a_restart_and_continue() {
        try (StandInOllama ollama = StandInOllama.start()) {
            ollama.onChat(StandInAnswers.citing(Duration.ZERO));
            String conversationId;
            JsonNode before;
            try (Advisor first = TestAdvisors.start(data, ollama.baseUrl()); AdvisorHttp http = new AdvisorHttp(first.uri())) {
                List<AdvisorHttp.Event> events = http.chat("多少高管认为生成式 AI 会在两年内直接与客户互动？", null);
                JsonNode done = events.getLast().json();
                conversationId = done.path("conversationId").asText();
                http.answer("那 2025 年呢？", conversationId);
                assertEquals(204, http.post("/api/feedback", AdvisorHttp.JSON.createObjectNode()
                        .put("messageId", done.path("messageId").asText()).put("rating", "down").put("comment", "缺少年份")).status());
                assertEquals(200, http.send("PATCH", "/api/conversations/" + conversationId,
                        AdvisorHttp.JSON.createObjectNode().put("title", "客户互动简报")).status());
                before = http.get("/api/conversations/" + conversationId).json();
            }

            try (Advisor second = TestAdvisors.start(data, ollama.baseUrl()); AdvisorHttp http = new AdvisorHttp(second.uri())) {
                JsonNode listed = http.get("/api/conversations").json().path("conversations");
                assertEquals(1, listed.size());
                assertEquals(conversationId, listed.get(0).path("id").asText());
                assertEquals("客户互动简报", listed.get(0).path("title").asText());
                assertEquals(4, listed.get(0).path("messageCount").asInt());

                JsonNode after = http.get("/api/conversations/" + conversationId).json();
                assertEquals(before, after, "every message with its meta and feedback, as before the restart");
                JsonNode messages = after.path("messages");
                assertEquals("generated", messages.get(1).path("meta").path("mode").asText());
                assertTrue(messages.get(1).path("meta").path("citations").size() > 0);
                assertEquals("down", messages.get(1).path("feedback").path("rating").asText());

                int chatsBefore = ollama.chatRequests().size();
                JsonNode third = http.answer("为什么？", conversationId);
                assertEquals(conversationId, third.path("conversationId").asText());
                assertTrue(StandInAnswers.message(ollama.chatRequests().get(chatsBefore), "user").contains("那 2025 年呢"),
                        "the follow-up after the restart is condensed with the stored history");
                assertEquals(6, http.get("/api/conversations/" + conversationId).json().path("messages").size());
            }
        }
    }
}
