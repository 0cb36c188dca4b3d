package org.ibvadvisor.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A reader's feedback on one answer; an answer has at most one, the latest given.
 *
 * @param messageId the answer (an {@link Role#ASSISTANT} message) it is about
 * @param rating    thumbs up or down
 * @param comment   the optional comment; empty when none was given
 * @param createdAt when it was given (last changed)
 */
public record Feedback(String messageId, Rating rating, String comment, Instant createdAt) {
    public Feedback {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
