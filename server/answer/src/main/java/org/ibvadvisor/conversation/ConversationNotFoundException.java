package org.ibvadvisor.conversation;

/** No conversation has the given id (or the id is not even well-formed). */
public class ConversationNotFoundException extends RuntimeException {
    private final String conversationId;

    public ConversationNotFoundException(String conversationId) {
        super("no conversation with id " + quote(conversationId));
        this.conversationId = conversationId;
    }

    /** The id asked for, as given (may be {@code null} or malformed). */
    public String conversationId() {
        return conversationId;
    }

    static String quote(String id) {
        if (id == null) return "null";
        String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
        return "'" + shown + "'";
    }
}
