package org.ibvadvisor.answer.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.answer.Caller;
import org.ibvadvisor.answer.Turn;

/**
 * The conversations this advisor replied in, keyed by the caller and the turns as the client will send them back (its
 * messages, the question, the reply it received): another caller sending the very same turns neither finds nor takes
 * the entry; a lookup takes it, so a second client of the same caller sending the same messages starts its own. In memory only, at most {@code capacity} conversations, least recently answered forgotten first.
 * Thread-safe.
 */
final class RepliedTurns {
    private final Map<String, String> byTurns;

    RepliedTurns(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        this.byTurns = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The conversation these earlier turns are, taken (a second call with the same turns finds nothing), or null. */
    synchronized String take(Caller caller, List<Turn> earlier) {
        return earlier.isEmpty() ? null : byTurns.remove(key(caller, earlier));
    }

    /** Remembers that {@code turns} (ending with the reply the client received) are the conversation {@code id}. */
    synchronized void remember(Caller caller, List<Turn> turns, String id) {
        if (id != null && !turns.isEmpty()) byTurns.put(key(caller, turns), id);
    }

    /**
     * SHA-256 over the caller's id and each turn's role and text, whitespace trimmed (clients differ in the spaces
     * they keep).
     */
    static String key(Caller caller, List<Turn> turns) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(caller.id().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 2);
            for (Turn turn : turns) {
                digest.update(turn.role().name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(turn.text().strip().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 1);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
