package org.ibvadvisor.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation without its messages, as listed.
 *
 * @param id           22-character URL-safe id
 * @param title        the title; empty while the conversation has neither an explicit title nor a first question
 * @param createdAt    when it was created
 * @param updatedAt    when its last message was appended (its creation time before that); renames do not change it
 * @param messageCount how many messages it holds
 */
public record Conversation(String id, String title, Instant createdAt, Instant updatedAt, int messageCount) {
    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (messageCount < 0) throw new IllegalArgumentException("messageCount " + messageCount + " < 0");
    }
}
