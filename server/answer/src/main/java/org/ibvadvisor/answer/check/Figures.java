package org.ibvadvisor.answer.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@link Figure}s a text states. Stateless. */
public final class Figures {

    private static final Pattern ARABIC = Pattern.compile(
            "(?<![A-Za-z0-9.,_])(?<![A-Za-z]-)"
                    + "(?<int>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<frac>\\d+))?(?!\\d)"
                    + "(?:\\s?(?<scale>万亿|千亿|百亿|亿|千万|百万|万|thousand|million|billion|trillion|bn))?"
                    + "(?:\\s?(?<unit>%|％|percent|per cent|个百分点|percentage points?|倍|times|x|×))?"
                    + "(?![A-Za-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHINESE_PERCENT = Pattern.compile(
            "百分之\\s*(?:(?<arabic>\\d+(?:\\.\\d+)?)|(?<chinese>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?))");
    private static final Map<String, BigDecimal> SCALES = Map.ofEntries(
            Map.entry("万亿", new BigDecimal("1e12")), Map.entry("千亿", new BigDecimal("1e11")),
            Map.entry("百亿", new BigDecimal("1e10")), Map.entry("亿", new BigDecimal("1e8")),
            Map.entry("千万", new BigDecimal("1e7")), Map.entry("百万", new BigDecimal("1e6")),
            Map.entry("万", new BigDecimal("1e4")), Map.entry("thousand", new BigDecimal("1e3")),
            Map.entry("million", new BigDecimal("1e6")), Map.entry("billion", new BigDecimal("1e9")),
            Map.entry("bn", new BigDecimal("1e9")), Map.entry("trillion", new BigDecimal("1e12")));

    private Figures() {
    }

    /** The figures of {@code text}, in order of position. */
    public static List<Figure> in(String text) {
        List<Figure> figures = new ArrayList<>();
        Matcher m = ARABIC.matcher(text);
        while (m.find()) {
            BigDecimal value = new BigDecimal(m.group("int").replace(",", "")
                    + (m.group("frac") == null ? "" : "." + m.group("frac")));
            String scale = m.group("scale");
            if (scale != null) {
                value = value.multiply(SCALES.get(scale.toLowerCase(Locale.ROOT)));
            }
            figures.add(new Figure(m.group(), m.start(), m.end(), value, kind(m.group("unit"))));
        }
        Matcher c = CHINESE_PERCENT.matcher(text);
        while (c.find()) {
            BigDecimal value = c.group("arabic") != null ? new BigDecimal(c.group("arabic"))
                    : ChineseNumerals.parse(c.group("chinese"));
            if (value != null) {
                figures.removeIf(f -> f.start() >= c.start() && f.end() <= c.end());
                figures.add(new Figure(c.group(), c.start(), c.end(), value, Figure.Kind.PERCENT));
            }
        }
        figures.sort(Comparator.comparingInt(Figure::start));
        return figures;
    }

    private static Figure.Kind kind(String unit) {
        if (unit == null) {
            return Figure.Kind.NUMBER;
        }
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "倍", "times", "x", "×" -> Figure.Kind.TIMES;
            default -> Figure.Kind.PERCENT;
        };
    }
}
