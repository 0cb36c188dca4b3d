package org.ibvadvisor.http;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored conversations, as the HTTP API needs them: a narrow view of the conversation store. Unknown or
 * malformed ids are "not found" (an empty result or {@code false}), never an exception. Text that breaks the
 * store's limits is refused with {@link IllegalArgumentException} naming the value. Implementations are thread-safe.
 */
public interface Conversations {

    /** Conversations, most recently active first. */
    List<Summary> list(int limit, int offset);

    /** A conversation with its messages, oldest first. */
    Optional<Detail> get(String conversationId);

    /** Renames a conversation; empty when there is no such conversation. */
    Optional<Summary> rename(String conversationId, String title);

    /** Deletes a conversation with its messages; {@code false} when there was no such conversation. */
    boolean delete(String conversationId);

    /** Records (or replaces) feedback on an answer; {@code false} when there is no such message. */
    boolean setFeedback(String messageId, Rating rating, String comment);

    /**
     * Starts a conversation holding {@code history} (oldest first), so that a question asked in it is read as a
     * follow-up. Used by the OpenAI-compatible endpoint, whose clients send the whole history with each question.
     *
     * @return the new conversation's id
     */
    String startWith(List<Turn> history);

    /** Who wrote a message. */
    enum Role {
        USER, ASSISTANT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A reader's verdict on an answer. */
    enum Rating {
        UP, DOWN;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A conversation as listed. */
    record Summary(String id, String title, Instant createdAt, Instant updatedAt, int messageCount) {
        public Summary {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }

    /** A conversation with its messages, oldest first. */
    record Detail(Summary conversation, List<Message> messages) {
        public Detail {
            Objects.requireNonNull(conversation, "conversation");
            messages = List.copyOf(messages);
        }
    }

    /**
     * One stored message.
     *
     * @param metaJson the answer's metadata as stored by the answerer (the JSON of the finished answer), or
     *                 {@code null} (questions)
     * @param feedback the reader's feedback on this answer, or {@code null}
     */
    record Message(String id, Role role, String content, Instant createdAt, String metaJson, Feedback feedback) {
        public Message {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** Feedback on an answer; the comment is empty when none was given. */
    record Feedback(Rating rating, String comment) {
        public Feedback {
            Objects.requireNonNull(rating, "rating");
            comment = comment == null ? "" : comment;
        }
    }

    /** One earlier message of a conversation sent by a client. */
    record Turn(Role role, String content) {
        public Turn {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }
    }
}
