package org.ibvadvisor.conversation;

/** Who wrote a message: the person asking, or the advisor answering. */
public enum Role {
    USER,
    ASSISTANT
}
