package org.ibvadvisor.conversation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Random URL-safe ids for conversations and messages: 128 random bits as 22 base64url characters. */
public final class ConversationIds {
    /** Length of every id. */
    public static final int LENGTH = 22;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");

    private ConversationIds() {
    }

    /** A new random id. Thread-safe. */
    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Whether {@code id} could be an id this class made; {@code null} is not. */
    public static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}
