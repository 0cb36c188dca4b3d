package org.ibvadvisor.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ibvadvisor.answer.Caller;
import org.ibvadvisor.conversation.ConversationNotFoundException;
import org.ibvadvisor.conversation.ConversationStore;
import org.ibvadvisor.conversation.ConversationWithMessages;
import org.ibvadvisor.conversation.MessageNotFoundException;
import org.ibvadvisor.conversation.Rating;
import org.ibvadvisor.http.auth.AccessControl;

/**
 * The conversation routes and {@code POST /api/feedback}, each on the caller's own conversations: another user's
 * conversation or message is not found (404), exactly like one that does not exist.
 */
final class ConversationRoutes {
    static final int MAX_TITLE_CHARS = 200;
    static final int MAX_COMMENT_CHARS = 2000;
    private static final int MAX_LIMIT = 200;
    private static final int DEFAULT_LIMIT = 50;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final ConversationStore conversations;
    private final ApiJson json;
    private final int maxBodyBytes;

    ConversationRoutes(ConversationStore conversations, ApiJson json, int maxBodyBytes) {
        this.conversations = conversations;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    void list(Context ctx) {
        int limit = queryInt(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = queryInt(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        ObjectNode body = json.object();
        ArrayNode array = body.putArray("conversations");
        own(ctx).list(limit, offset).forEach(summary -> array.add(json.summary(summary)));
        json.reply(ctx, 200, body);
    }

    void get(Context ctx) {
        String id = conversationId(ctx);
        ConversationWithMessages conversation = own(ctx).get(id).orElseThrow(() -> notFound(id));
        json.reply(ctx, 200, json.conversation(conversation));
    }

    void rename(Context ctx) {
        String id = conversationId(ctx);
        JsonRequest body = JsonRequest.read(ctx, json, maxBodyBytes, Set.of("title"));
        String title = body.requiredText("title", MAX_TITLE_CHARS, false);
        try {
            json.reply(ctx, 200, json.summary(own(ctx).rename(id, title.strip())));
        } catch (ConversationNotFoundException e) {
            throw notFound(id);
        }
    }

    void delete(Context ctx) {
        String id = conversationId(ctx);
        try {
            own(ctx).delete(id);
        } catch (ConversationNotFoundException e) {
            throw notFound(id);
        }
        ctx.status(204);
    }

    void feedback(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, maxBodyBytes, Set.of("messageId", "rating", "comment"));
        String messageId = body.requiredText("messageId", 100, false);
        Rating rating = rating(body.requiredText("rating", 10, false));
        String comment = body.optionalText("comment", MAX_COMMENT_CHARS, true);
        if (!ID.matcher(messageId).matches()) throw noMessage(messageId);
        try {
            own(ctx).setFeedback(messageId, rating, comment);
        } catch (MessageNotFoundException e) {
            throw noMessage(messageId);
        }
        ctx.status(204);
    }

    /** Whether {@code caller} has a conversation {@code conversationId}; a malformed id is none. */
    boolean exists(Caller caller, String conversationId) {
        return ID.matcher(conversationId).matches()
                && conversations.forOwner(caller.id()).get(conversationId).isPresent();
    }

    private ConversationStore own(Context ctx) {
        return conversations.forOwner(AccessControl.caller(ctx).id());
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("no conversation with id '" + JsonRequest.shorten(id) + "'");
    }

    private static ApiException noMessage(String id) {
        return ApiException.notFound("no message with id '" + JsonRequest.shorten(id) + "'");
    }

    private static String conversationId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) throw notFound(id);
        return id;
    }

    private static Rating rating(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "up" -> Rating.UP;
            case "down" -> Rating.DOWN;
            default -> throw ApiException.badRequest("rating must be \"up\" or \"down\", was \"" + JsonRequest.shorten(value) + "\"");
        };
    }

    private static int queryInt(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null) return fallback;
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) return number;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name + " must be an integer from " + min + " to " + max + ", was \""
                + JsonRequest.shorten(value) + "\"");
    }
}
