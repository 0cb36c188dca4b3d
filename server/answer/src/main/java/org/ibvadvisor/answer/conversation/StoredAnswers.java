package org.ibvadvisor.answer.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.conversation.Message;
import org.ibvadvisor.conversation.Role;

/**
 * An answer as stored with its message: the {@code /api/answer} object ({@code messageId} null: it is the message's
 * own id, which the HTTP layer fills in) plus {@code query}, the standalone query it was answered with, from which follow-ups are
 * condensed.
 *
 * <pre>{@code
 * {"conversationId","answer","mode","citations":[{"n","passageId","report":{"id","title"},"section","quote",
 *  "span":{"start","end"}}],"warnings":[…],"model","timings":{"retrieveMs","firstTokenMs","totalMs"},"query"}
 * }</pre>
 */
public final class StoredAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredAnswers() {
    }

    /** The metadata JSON to store with the answer's message. */
    public static String toJson(Answer answer, String query) {
        ObjectNode node = JSON.createObjectNode()
                .put("conversationId", answer.conversationId())
                .putNull("messageId")
                .put("answer", answer.answer())
                .put("mode", answer.mode().wireName());
        ArrayNode citations = node.putArray("citations");
        for (Citation c : answer.citations()) {
            ObjectNode citation = citations.addObject().put("n", c.n()).put("passageId", c.passageId());
            citation.putObject("report").put("id", c.reportId()).put("title", c.reportTitle());
            citation.put("section", c.section()).put("quote", c.quote());
            citation.putObject("span").put("start", c.start()).put("end", c.end());
        }
        ArrayNode warnings = node.putArray("warnings");
        answer.warnings().forEach(warnings::add);
        node.put("model", answer.model());
        node.putObject("timings")
                .put("retrieveMs", answer.timings().retrieveMs())
                .put("firstTokenMs", answer.timings().firstTokenMs())
                .put("totalMs", answer.timings().totalMs());
        node.put("query", query);
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write answer metadata", e);
        }
    }

    /** The answer an assistant message holds; empty for a question or a message stored without metadata. */
    public static Optional<Answer> fromMessage(Message message) {
        return json(message).map(node -> {
            List<Citation> citations = new ArrayList<>();
            for (JsonNode c : node.path("citations")) {
                citations.add(new Citation(c.path("n").asInt(), c.path("passageId").asText(),
                        c.path("report").path("id").asText(), c.path("report").path("title").asText(),
                        c.path("section").asText(), c.path("quote").asText(),
                        c.path("span").path("start").asInt(), c.path("span").path("end").asInt()));
            }
            List<String> warnings = new ArrayList<>();
            node.path("warnings").forEach(w -> warnings.add(w.asText()));
            JsonNode timings = node.path("timings");
            return new Answer(message.conversationId(), message.id(), message.content(),
                    Answer.Mode.valueOf(node.path("mode").asText("generated").toUpperCase(Locale.ROOT)), citations,
                    warnings, node.hasNonNull("model") ? node.get("model").asText() : null,
                    new Answer.Timings(timings.path("retrieveMs").asDouble(), timings.path("firstTokenMs").asDouble(),
                            timings.path("totalMs").asDouble()));
        });
    }

    /** The standalone query an assistant message was answered with; empty when not stored. */
    public static Optional<String> queryOf(Message message) {
        return json(message).map(node -> node.path("query")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    private static Optional<JsonNode> json(Message message) {
        if (message.role() != Role.ASSISTANT || message.metaJson() == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(message.metaJson());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
