package org.ibvadvisor.conversation;

/** No message has the given id (or the id is not even well-formed). */
public class MessageNotFoundException extends RuntimeException {
    private final String messageId;

    public MessageNotFoundException(String messageId) {
        super("no message with id " + ConversationNotFoundException.quote(messageId));
        this.messageId = messageId;
    }

    /** The id asked for, as given (may be {@code null} or malformed). */
    public String messageId() {
        return messageId;
    }
}
