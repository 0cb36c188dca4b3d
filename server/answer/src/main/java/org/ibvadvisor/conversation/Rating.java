package org.ibvadvisor.conversation;

/** A reader's verdict on an answer: thumbs up or thumbs down. */
public enum Rating {
    UP,
    DOWN
}
