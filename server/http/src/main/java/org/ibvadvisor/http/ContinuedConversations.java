package org.ibvadvisor.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which stored conversation an OpenAI client's messages continue. An OpenAI client sends the whole conversation with
 * every question; without this, each follow-up would store a new copy of it. After an answer, the conversation's
 * turns as the client will send them back (its messages, the question, the reply it received) are remembered with the
 * conversation's id; a later request whose earlier messages are exactly those turns continues that conversation, once
 * (a second client sending the same messages starts its own). Remembered in memory only, at most {@code capacity}
 * conversations, least recently answered forgotten first; after a restart a follow-up starts a new stored
 * conversation from its messages, as before. Thread-safe.
 */
final class ContinuedConversations {
    private final Map<String, String> byTurns;

    ContinuedConversations(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        this.byTurns = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The conversation these earlier turns are, taken (a second call with the same turns finds nothing), or null. */
    synchronized String take(List<Conversations.Turn> earlier) {
        return earlier.isEmpty() ? null : byTurns.remove(key(earlier));
    }

    /** Remembers that {@code turns} (ending with the reply the client received) are the conversation {@code id}. */
    synchronized void remember(List<Conversations.Turn> turns, String id) {
        if (id != null && !turns.isEmpty()) byTurns.put(key(turns), id);
    }

    /** SHA-256 over each turn's role and text, whitespace trimmed (clients differ in the spaces they keep). */
    static String key(List<Conversations.Turn> turns) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Conversations.Turn turn : turns) {
                digest.update(turn.role().name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(turn.content().strip().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 1);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
