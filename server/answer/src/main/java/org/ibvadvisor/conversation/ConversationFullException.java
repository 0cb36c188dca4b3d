package org.ibvadvisor.conversation;

/** A conversation has reached {@link ConversationLimits#maxMessages()}: start a new one. */
public class ConversationFullException extends RuntimeException {
    private final String conversationId;
    private final int maxMessages;

    public ConversationFullException(String conversationId, int maxMessages) {
        super("conversation " + conversationId + " is full (at most " + maxMessages
                + " messages, and a question needs room for its answer): start a new conversation");
        this.conversationId = conversationId;
        this.maxMessages = maxMessages;
    }

    public String conversationId() {
        return conversationId;
    }

    public int maxMessages() {
        return maxMessages;
    }
}
