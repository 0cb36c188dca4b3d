package org.ibvadvisor.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ibvadvisor.answer.json.AnswerJson;
import org.ibvadvisor.conversation.Conversation;
import org.ibvadvisor.conversation.ConversationWithMessages;
import org.ibvadvisor.conversation.Message;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;

/**
 * The JSON of the public API: its field names live here, except an answer's own, which {@link AnswerJson} writes
 * for the API, the stored conversations and {@code ./advisor ask} alike. Thread-safe.
 */
final class ApiJson {
    private final ObjectMapper mapper;

    ApiJson(int maxDepth, int maxStringChars) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxStringChars)
                        .maxNumberLength(64)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers the request with {@code body}. */
    void reply(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json;charset=utf-8").result(bytes(body));
    }

    /** Parses a request body; anything that is not one well-formed JSON value within the limits is a 400. */
    JsonNode parse(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) throw ApiException.badRequest("request body is empty: send a JSON object");
            return node;
        } catch (JacksonException e) {
            throw ApiException.badRequest("invalid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode error(String message) {
        return object().put("error", message);
    }

    ObjectNode retrieval(Retrieval retrieval) {
        ObjectNode node = object().put("query", retrieval.query());
        node.set("passages", passages(retrieval.passages()));
        node.put("confidence", retrieval.confidence());
        node.putObject("timings")
                .put("embedMs", retrieval.timings().embedMs())
                .put("searchMs", retrieval.timings().searchMs())
                .put("totalMs", retrieval.timings().totalMs());
        return node;
    }

    ArrayNode passages(List<Passage> passages) {
        ArrayNode array = array();
        passages.forEach(p -> array.add(passage(p)));
        return array;
    }

    ObjectNode passage(Passage passage) {
        ObjectNode node = object().put("id", passage.id());
        node.putObject("report").put("id", passage.reportId()).put("title", passage.reportTitle());
        node.put("section", passage.sectionPath());
        node.put("text", passage.text());
        node.putObject("span").put("start", passage.start()).put("end", passage.end());
        node.put("score", passage.score());
        ObjectNode ranks = node.putObject("ranks");
        passage.ranks().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> ranks.put(e.getKey(), e.getValue()));
        return node;
    }

    ObjectNode summary(Conversation conversation) {
        return object()
                .put("id", conversation.id())
                .put("title", conversation.title())
                .put("createdAt", conversation.createdAt().toString())
                .put("updatedAt", conversation.updatedAt().toString())
                .put("messageCount", conversation.messageCount());
    }

    /** A conversation with its messages; an answer's {@code meta} is {@link AnswerJson#shown its stored metadata}. */
    ObjectNode conversation(ConversationWithMessages detail) {
        Conversation summary = detail.conversation();
        ObjectNode node = object()
                .put("id", summary.id())
                .put("title", summary.title())
                .put("createdAt", summary.createdAt().toString())
                .put("updatedAt", summary.updatedAt().toString());
        ArrayNode messages = node.putArray("messages");
        for (Message message : detail.messages()) {
            ObjectNode item = messages.addObject()
                    .put("id", message.id())
                    .put("role", message.role().name().toLowerCase(Locale.ROOT))
                    .put("content", message.content())
                    .put("createdAt", message.createdAt().toString());
            if (message.clientSupplied()) item.put("clientSupplied", true); // sent by a client, not said here
            item.set("meta", AnswerJson.shown(message));
            detail.feedbackFor(message.id()).ifPresentOrElse(feedback -> item.putObject("feedback")
                            .put("rating", feedback.rating().name().toLowerCase(Locale.ROOT))
                            .put("comment", feedback.comment()),
                    () -> item.putNull("feedback"));
        }
        return node;
    }

    ObjectNode report(ReportCatalog.Report report) {
        ObjectNode node = object()
                .put("id", report.id())
                .put("title", report.titleZh())
                .put("titleEn", report.titleEn())
                .put("shortTitle", report.shortTitle());
        ArrayNode starters = node.putArray("starterQuestions");
        report.starterQuestions().forEach(starters::add);
        return node;
    }

    ObjectNode reportText(ReportCatalog.ReportText text) {
        return object().put("id", text.id()).put("title", text.title()).put("text", text.text());
    }

    ObjectNode health(HealthInfo.Health health) {
        ObjectNode node = object()
                .put("status", "ok")
                .put("reports", health.reports())
                .put("chunks", health.chunks())
                .put("model", health.model());
        health.details().forEach((key, value) -> {
            if (!node.has(key)) node.set(key, mapper.valueToTree(value));
        });
        return node;
    }
}
