package org.ibvadvisor.answer.text;

/**
 * Readable text from a passage as it is in the report source: lines wrapped by the PDF layout are joined (with
 * nothing between two CJK characters, with a space otherwise), blank lines become one line break, runs of spaces
 * one space. For prompts, displayed sentences and figure matching; citations keep the source text.
 */
public final class Readable {

    private Readable() {
    }

    public static String of(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            int newlines = 0;
            while (end < n && isSpace(source.charAt(end))) {
                if (source.charAt(end) == '\n') {
                    newlines++;
                }
                end++;
            }
            if (out.isEmpty() || end == n) {
                i = end;
                continue;
            }
            char before = out.charAt(out.length() - 1);
            char after = source.charAt(end);
            if (newlines >= 2) {
                out.append('\n');
            } else if (newlines == 1 && isCjk(before) && isCjk(after)) {
                // a wrapped line inside Chinese text: join without a space
            } else {
                out.append(' ');
            }
            i = end;
        }
        return out.toString();
    }

    /** Han characters and the CJK punctuation and full-width forms that sit between them. */
    static boolean isCjk(char c) {
        return Language.isHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)
                || c == '“' || c == '”' || c == '‘' || c == '’' || c == '—' || c == '―' || c == '…' || c == '·';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u3000' || c == '\f';
    }
}
