package org.ibvadvisor.answer.check;

import java.math.BigDecimal;

/** Reads Chinese numerals up to the hundreds, with decimals: 四十 = 40, 一百 = 100, 三十五点五 = 35.5. */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** The value, or null when {@code text} is not such a numeral. */
    static BigDecimal parse(String text) {
        String normalised = text.replace('〇', '零').replace('两', '二');
        int point = normalised.indexOf('点');
        String whole = point < 0 ? normalised : normalised.substring(0, point);
        Integer value = whole(whole);
        if (value == null) {
            return null;
        }
        if (point < 0) {
            return BigDecimal.valueOf(value);
        }
        StringBuilder fraction = new StringBuilder();
        for (char c : normalised.substring(point + 1).toCharArray()) {
            int digit = DIGITS.indexOf(c);
            if (digit < 0) {
                return null;
            }
            fraction.append(digit);
        }
        return fraction.isEmpty() ? null : new BigDecimal(value + "." + fraction);
    }

    private static Integer whole(String text) {
        if (text.isEmpty()) {
            return null;
        }
        int total = 0;
        int pending = -1;
        for (char c : text.toCharArray()) {
            int digit = DIGITS.indexOf(c);
            if (digit >= 0) {
                pending = digit;
            } else if (c == '十') {
                total += (pending < 0 ? 1 : pending) * 10;
                pending = -1;
            } else if (c == '百') {
                if (pending < 0) {
                    return null;
                }
                total += pending * 100;
                pending = -1;
            } else {
                return null;
            }
        }
        return total + Math.max(pending, 0);
    }
}
