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
 * @param clientSupplied whether a client sent this message as the earlier part of its conversation (an OpenAI
 *                       client sends the whole conversation with every question) rather than asking it here or this
 *                       advisor answering it: such an assistant message is not this advisor's answer
 */
public record Message(String id, String conversationId, Role role, String content, Instant createdAt, String metaJson,
                      boolean clientSupplied) {
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A message asked or answered here (not {@link #clientSupplied}). */
    public Message(String id, String conversationId, Role role, String content, Instant createdAt, String metaJson) {
        this(id, conversationId, role, content, createdAt, metaJson, false);
    }

    /** Whether this is an answer this advisor gave (an assistant message it did not merely receive from a client). */
    public boolean advisorAnswer() {
        return role == Role.ASSISTANT && !clientSupplied;
    }
}
