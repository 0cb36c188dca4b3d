package org.ibvadvisor.http;

/** Checks on text that clients send: no control characters, no broken surrogate pairs. */
final class ClientText {
    private ClientText() {
    }

    /**
     * Refuses {@code value} when it holds a control character (other than newline and tab when
     * {@code multiline}) or an unpaired surrogate.
     *
     * @throws ApiException 400 naming the field, the character and its index
     */
    static String requireClean(String field, String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw ApiException.badRequest(field + " has an unpaired surrogate at index " + i);
            }
            if (Character.isLowSurrogate(c)) throw ApiException.badRequest(field + " has an unpaired surrogate at index " + i);
            boolean allowed = multiline && (c == '\n' || c == '\t');
            if (!allowed && isControl(c)) {
                throw ApiException.badRequest(field + " contains control character U+%04X at index %d%s"
                        .formatted((int) c, i, multiline ? "; only newline and tab are allowed" : ""));
            }
        }
        return value;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
