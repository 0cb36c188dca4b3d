package org.ibvadvisor.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation with all its messages, oldest first, and the feedback given on its answers.
 *
 * @param conversation the conversation; its {@code messageCount} equals {@code messages.size()}
 * @param messages     the messages in the order they were appended
 * @param feedback     the feedback on its answers, in message order
 */
public record ConversationWithMessages(Conversation conversation, List<Message> messages, List<Feedback> feedback) {
    public ConversationWithMessages {
        Objects.requireNonNull(conversation, "conversation");
        messages = List.copyOf(messages);
        feedback = List.copyOf(feedback);
    }

    /** The feedback on one message, if any was given. */
    public Optional<Feedback> feedbackFor(String messageId) {
        return feedback.stream().filter(f -> f.messageId().equals(messageId)).findFirst();
    }
}
