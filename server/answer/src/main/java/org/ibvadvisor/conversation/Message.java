package org.ibvadvisor.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation.
 *
 * @param id             22-character URL-safe id
 * @param conversationId the conversation it belongs to
 * @param role           who wrote it
 * @param content        its text, as given
 * @param createdAt      when it was appended
 * @param metaJson       the answer's metadata (mode, citations, warnings, model, timings) as the caller's JSON text,
 *                       stored and returned unread; {@code null} when there is none (typically for questions)
 */
public record Message(String id, String conversationId, Role role, String content, Instant createdAt, String metaJson) {
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
