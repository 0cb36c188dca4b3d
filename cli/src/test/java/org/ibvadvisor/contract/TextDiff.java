package org.ibvadvisor.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A unified-style line diff (longest common subsequence), for failure messages: changed lines with context. */
final class TextDiff {
    private static final int CONTEXT = 2;
    private static final int MAX_LINES = 60;
    private static final long MAX_CELLS = 4_000_000L;

    /** A line holding one rounded float ({@link Normalizer#ROUNDED}): indentation and name, number, comma. */
    private static final Pattern ROUNDED_LINE = Pattern.compile("(\\s*\"(?:" + String.join("|", Normalizer.ROUNDED)
            + ")\" : )(-?[0-9.]+(?:E-?[0-9]+)?)(,?)");
    private static final double ROUNDING_STEP = 1e-4;

    private TextDiff() {
    }

    /**
     * Whether the two texts are equal but for rounded floats one rounding step apart (a value next to a rounding
     * boundary, its last digits varying from run to run, rounds either way).
     */
    static boolean sameUpToRounding(String expected, String actual) {
        if (expected.equals(actual)) return true;
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(b[i])) continue;
            Matcher x = ROUNDED_LINE.matcher(a[i]);
            Matcher y = ROUNDED_LINE.matcher(b[i]);
            if (!x.matches() || !y.matches() || !x.group(1).equals(y.group(1)) || !x.group(3).equals(y.group(3))) return false;
            if (Math.abs(Double.parseDouble(x.group(2)) - Double.parseDouble(y.group(2))) > ROUNDING_STEP * 1.001) return false;
        }
        return true;
    }

    /** {@code -} lines only in {@code expected}, {@code +} lines only in {@code actual}, with line numbers. */
    static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        if ((long) a.length * b.length > MAX_CELLS) return firstDifference(a, b);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // the edit script: ' ', '-' or '+' per line, with its line number in expected or actual
        List<String> script = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                script.add("  %4d   %s".formatted(i + 1, a[i]));
                changed.add(false);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                script.add("- %4d   %s".formatted(i + 1, a[i++]));
                changed.add(true);
            } else {
                script.add("+ %4d   %s".formatted(j + 1, b[j++]));
                changed.add(true);
            }
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        int lastShown = -1;
        for (int k = 0; k < script.size() && shown < MAX_LINES; k++) {
            if (!near(changed, k)) continue;
            if (lastShown >= 0 && k > lastShown + 1) out.append("  ...\n");
            out.append(script.get(k)).append('\n');
            lastShown = k;
            shown++;
        }
        if (shown == MAX_LINES) out.append("  ... (diff cut)\n");
        return out.toString();
    }

    private static boolean near(List<Boolean> changed, int k) {
        for (int d = Math.max(0, k - CONTEXT); d <= Math.min(changed.size() - 1, k + CONTEXT); d++) {
            if (changed.get(d)) return true;
        }
        return false;
    }

    private static String firstDifference(String[] a, String[] b) {
        int i = 0;
        while (i < a.length && i < b.length && a[i].equals(b[i])) i++;
        return "first difference at line " + (i + 1) + ":\n- " + (i < a.length ? a[i] : "(end)") + "\n+ "
                + (i < b.length ? b[i] : "(end)") + "\n";
    }
}
