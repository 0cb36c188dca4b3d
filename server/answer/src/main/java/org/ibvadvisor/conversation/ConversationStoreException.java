package org.ibvadvisor.conversation;

/** The conversation database failed: it could not be opened, or a statement failed for a reason other than bad input. */
public class ConversationStoreException extends RuntimeException {
    public ConversationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
