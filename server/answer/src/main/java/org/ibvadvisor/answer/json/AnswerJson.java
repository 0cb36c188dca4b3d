package org.ibvadvisor.answer.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.conversation.Message;
import org.ibvadvisor.conversation.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An answer as JSON, the body of {@code /api/answer} and of the {@code done} event:
 *
 * <pre>{@code
 * {"conversationId","messageId","answer","mode","citations":[{"n","passageId","report":{"id","title"},"section",
 *  "quote","span":{"start","end"}}],"warnings":[…],"model","timings":{"retrieveMs","firstTokenMs","totalMs"}}
 * }</pre>
 *
 * An answer's message stores the same object with {@code messageId} null (it is the message's own id) plus
 * {@code query}, the standalone query it was answered with, from which follow-ups are condensed. Thread-safe.
 */
public final class AnswerJson {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerJson.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerJson() {
    }

    /** The answer as the API sends it; {@code model} is null unless it was generated. */
    public static ObjectNode write(Answer answer) {
        ObjectNode node = JSON.createObjectNode()
                .put("conversationId", answer.conversationId())
                .put("messageId", answer.messageId())
                .put("answer", answer.text())
                .put("mode", answer.mode());
        node.set("citations", citations(answer.citations()));
        ArrayNode warnings = node.putArray("warnings");
        answer.warnings().forEach(warnings::add);
        node.put("model", answer instanceof Answer.Generated generated ? generated.model() : null);
        node.putObject("timings")
                .put("retrieveMs", answer.timings().retrieveMs())
                .put("firstTokenMs", answer.timings().firstTokenMs())
                .put("totalMs", answer.timings().totalMs());
        return node;
    }

    public static ArrayNode citations(List<Citation> citations) {
        ArrayNode array = JSON.createArrayNode();
        for (Citation c : citations) {
            ObjectNode citation = array.addObject().put("n", c.n()).put("passageId", c.passageId());
            citation.putObject("report").put("id", c.reportId()).put("title", c.reportTitle());
            citation.put("section", c.section()).put("quote", c.quote());
            citation.putObject("span").put("start", c.start()).put("end", c.end());
        }
        return array;
    }

    /** The answer a JSON object in the API's format describes; a missing {@code mode} is {@code generated}. */
    public static Answer read(JsonNode node) {
        return read(node, node.path("conversationId").asText(null), node.path("messageId").asText(null),
                node.path("answer").asText());
    }

    /** The metadata stored with an answer's message in conversation {@code conversationId}. */
    public static String stored(Answer answer, String conversationId, String query) {
        ObjectNode node = write(answer).put("conversationId", conversationId).putNull("messageId");
        node.put("query", query);
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write answer metadata", e);
        }
    }

    /** The answer an assistant message holds; empty for a question or a message stored without metadata. */
    public static Optional<Answer> fromMessage(Message message) {
        return storedObject(message).map(node -> read(node, message.conversationId(), message.id(), message.content()));
    }

    /** The standalone query an assistant message was answered with; empty when not stored. */
    public static Optional<String> queryOf(Message message) {
        return storedObject(message).map(node -> node.path("query")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /**
     * A message's metadata as shown with it: as stored, with the message's own conversation and message id where it
     * has those fields, so it equals the {@code done} event the answer was streamed with; JSON null when it has none
     * or it is not a JSON object.
     */
    public static JsonNode shown(Message message) {
        if (message.metaJson() == null) return NullNode.getInstance();
        Optional<ObjectNode> stored = object(message.metaJson());
        if (stored.isEmpty()) {
            LOG.warn("message {} has stored metadata that is not a JSON object; shown as null", message.id());
            return NullNode.getInstance();
        }
        ObjectNode node = stored.get();
        if (node.has("conversationId")) node.put("conversationId", message.conversationId());
        if (node.has("messageId")) node.put("messageId", message.id());
        return node;
    }

    private static Answer read(JsonNode node, String conversationId, String messageId, String text) {
        List<Citation> citations = new ArrayList<>();
        for (JsonNode c : node.path("citations")) {
            citations.add(new Citation(c.path("n").asInt(), c.path("passageId").asText(),
                    c.path("report").path("id").asText(), c.path("report").path("title").asText(),
                    c.path("section").asText(), c.path("quote").asText(),
                    c.path("span").path("start").asInt(), c.path("span").path("end").asInt()));
        }
        List<String> warnings = new ArrayList<>();
        node.path("warnings").forEach(w -> warnings.add(w.isTextual() ? w.asText() : w.path("message").asText(w.toString())));
        JsonNode t = node.path("timings");
        Answer.Timings timings = new Answer.Timings(t.path("retrieveMs").asDouble(), t.path("firstTokenMs").asDouble(),
                t.path("totalMs").asDouble());
        String mode = node.path("mode").asText("generated");
        return switch (mode) {
            case "generated" -> new Answer.Generated(conversationId, messageId, text, citations, warnings,
                    node.path("model").asText(null), timings);
            case "extractive" -> new Answer.Extractive(conversationId, messageId, text, citations, warnings, timings);
            case "refused" -> new Answer.Refused(conversationId, messageId, text, citations, warnings, timings);
            default -> throw new IllegalArgumentException("unknown answer mode '" + mode + "'");
        };
    }

    private static Optional<ObjectNode> storedObject(Message message) {
        if (message.role() != Role.ASSISTANT || message.metaJson() == null) return Optional.empty();
        return object(message.metaJson());
    }

    private static Optional<ObjectNode> object(String json) {
        try {
            return JSON.readTree(json) instanceof ObjectNode node ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
