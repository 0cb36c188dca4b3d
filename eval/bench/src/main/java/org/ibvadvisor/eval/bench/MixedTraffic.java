package org.ibvadvisor.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What a mix of real users does, as a {@link LoadGenerator.Action}: each client keeps a conversation of up to three
 * turns (asked by {@code /api/chat} or {@code /api/answer}, follow-ups included), looks at it, renames it, rates an
 * answer and deletes three conversations in four; between turns it retrieves, lists conversations and reads health
 * and reports. Every call must succeed (2xx); anything else is a failure, except a 503 with Retry-After on a
 * question (too many answers being generated: the server shedding load as designed), after which the client waits.
 */
public final class MixedTraffic implements LoadGenerator.Action {
    private static final List<String> FOLLOW_UPS = List.of("那具体的数字是多少？", "为什么？", "还有哪些例子？");

    private final List<String> questions;
    private final Conversation[] conversations;

    /** A client's conversation so far. */
    private static final class Conversation {
        String id;
        String lastAnswerId;
        int turns;
    }

    public MixedTraffic(List<String> questions, int clients) {
        if (questions.isEmpty()) throw new IllegalArgumentException("no questions");
        this.questions = List.copyOf(questions);
        this.conversations = new Conversation[clients];
        for (int i = 0; i < clients; i++) conversations[i] = new Conversation();
    }

    @Override
    public LoadGenerator.Outcome perform(ApiClient client, int clientNo, long iteration) {
        Conversation conversation = conversations[clientNo];
        String question = questions.get((int) ((clientNo * 104_729L + iteration * 31) % questions.size()));
        int step = (int) (iteration % 10);
        return switch (step) {
            case 0, 3, 6 -> conversation.turns < 3 ? turn(client, conversation, question, step == 3)
                    : finish(client, conversation, iteration);
            case 1, 4, 7, 9 -> check("retrieve", client.retrieve(question, 10));
            case 2 -> conversation.id == null ? check("conversations", client.get("/api/conversations?limit=20"))
                    : check("conversation", client.get("/api/conversations/" + conversation.id));
            case 5 -> check("reports", client.get(iteration % 20 == 5 ? "/api/reports" : "/api/health"));
            default -> conversation.lastAnswerId == null ? check("conversations", client.get("/api/conversations"))
                    : check("feedback", client.postJson("/api/feedback", ApiClient.JSON.createObjectNode()
                            .put("messageId", conversation.lastAnswerId).put("rating", iteration % 2 == 0 ? "up" : "down")));
        };
    }

    /** One question of the conversation: the first a question of the set, the next ones follow-ups. */
    private LoadGenerator.Outcome turn(ApiClient client, Conversation conversation, String question, boolean streamed) {
        String asked = conversation.turns == 0 ? question : FOLLOW_UPS.get(conversation.turns % FOLLOW_UPS.size());
        JsonNode answer;
        String kind = streamed ? "chat" : "answer";
        if (streamed) {
            ApiClient.Streamed chat = client.chat(asked, conversation.id);
            if (chat.status() == 503 && chat.retryAfter() >= 0) return LoadGenerator.Outcome.busy(kind, chat.retryAfter());
            if (!chat.ok()) return LoadGenerator.Outcome.failed(kind, chat.status() + " " + chat.error());
            answer = chat.done();
        } else {
            ApiClient.Reply reply = client.answer(asked, conversation.id);
            if (reply.status() == 503 && reply.retryAfter() >= 0) return LoadGenerator.Outcome.busy(kind, reply.retryAfter());
            if (!reply.ok()) return LoadGenerator.Outcome.failed(kind, reply.status() + " " + reply.body());
            answer = reply.json();
        }
        conversation.id = answer.path("conversationId").asText(null);
        conversation.lastAnswerId = answer.path("messageId").asText(null);
        conversation.turns++;
        if (conversation.id == null) return LoadGenerator.Outcome.failed(kind, "no conversationId in " + answer);
        return LoadGenerator.Outcome.ok(kind);
    }

    /** Renames the finished conversation, and deletes it three times in four; the next turn starts a new one. */
    private LoadGenerator.Outcome finish(ApiClient client, Conversation conversation, long iteration) {
        String id = Objects.requireNonNull(conversation.id);
        conversation.id = null;
        conversation.lastAnswerId = null;
        conversation.turns = 0;
        if (iteration % 4 == 0) {
            return check("rename", client.patchJson("/api/conversations/" + id,
                    ApiClient.JSON.createObjectNode().put("title", "保留的对话 " + iteration)));
        }
        return check("delete", client.delete("/api/conversations/" + id));
    }

    private static LoadGenerator.Outcome check(String kind, ApiClient.Reply reply) {
        return reply.ok() ? LoadGenerator.Outcome.ok(kind)
                : LoadGenerator.Outcome.failed(kind, reply.status() + " " + shorten(reply.body()));
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
