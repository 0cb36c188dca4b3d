package org.ibvadvisor.answer.extract;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.ibvadvisor.answer.check.Figure;
import org.ibvadvisor.answer.check.Figures;

/**
 * Whether a sentence holds the kind of thing a question asks for ({@link QuestionKind}): the extractor's answer-type
 * feature. Stateless.
 *
 * <ul>
 *   <li>{@link QuestionKind#FIGURE}: a figure that is not a year — a percentage, a multiple, a number with a scale or
 *       a count ({@link Figures}: {@code 89%}, {@code 两倍}, {@code 948 万美元}, {@code 近 400 名}), or a Chinese
 *       fraction or share ({@code 三分之二}, {@code 一半}, {@code 半数}, {@code 三成}).</li>
 *   <li>{@link QuestionKind#TIME}: a year ({@code 2025 年}), a span ({@code 未来三年内}, {@code 24 个月}) or an end
 *       ({@code 年底}).</li>
 *   <li>{@link QuestionKind#CAUSE}: a causal or purpose connective ({@code 因为, 由于, 因此, 原因, 导致, 驱动, 得益于,
 *       为了, 以便, 以确保, 从而}).</li>
 *   <li>{@link QuestionKind#LIST}: an item of a list (its line starts with {@code -}, {@code •} or {@code 1.}) or a
 *       sentence naming three or more things ({@code 、} twice, or {@code ；}).</li>
 *   <li>{@link QuestionKind#OTHER}: never (no preference).</li>
 * </ul>
 */
public final class AnswerTypes {

    private static final Pattern CHINESE_SHARE = Pattern.compile(
            "[一二两三四五六七八九十百]+分之[一二三四五六七八九十]+|一半|半数|过半|近半|[一二两三四五六七八九]成(?![为功果本员立长熟])"
                    + "|[一二两三四五六七八九十]倍");
    private static final Pattern TIME = Pattern.compile(
            "(?:19|20)\\d{2}\\s*年|年底|年末|年初|季度|未来\\s*[\\d一二两三四五六七八九十]+\\s*年|[\\d一二两三四五六七八九十]+\\s*(?:个月|年内|年后)"
                    + "|\\b(?:19|20)\\d{2}\\b");
    private static final Pattern CAUSE = Pattern.compile(
            "因为|由于|因此|原因|之所以|所以|导致|驱动|得益于|源于|归因|因而|为了|旨在|以便|以确保|从而|\\bbecause\\b|\\bdue to\\b");
    private static final Pattern ENUMERATION = Pattern.compile("、[^、]+、|；");
    private static final Pattern LIST_LINE = Pattern.compile("^\\s*(?:[-•*]\\s|\\d{1,2}[.、)]\\s?)");

    private AnswerTypes() {
    }

    /**
     * Whether {@code sentence} holds what a question of {@code kind} asks for.
     *
     * @param line the whole source line the sentence is on (tells a list item)
     */
    public static boolean holds(QuestionKind kind, String sentence, String line) {
        return switch (kind) {
            case FIGURE -> hasFigure(sentence);
            case TIME -> TIME.matcher(sentence).find();
            case CAUSE -> CAUSE.matcher(sentence).find();
            case LIST -> LIST_LINE.matcher(line).find() || ENUMERATION.matcher(sentence).find();
            case OTHER -> false;
        };
    }

    /** A figure other than a year (or a footnote-like lone digit). */
    static boolean hasFigure(String sentence) {
        if (CHINESE_SHARE.matcher(sentence).find()) {
            return true;
        }
        for (Figure figure : Figures.in(sentence)) {
            if (figure.kind() != Figure.Kind.NUMBER || !isYear(sentence, figure) && figure.value().compareTo(BigDecimal.ONE) > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isYear(String sentence, Figure figure) {
        BigDecimal v = figure.value();
        boolean yearLike = v.scale() <= 0 && v.compareTo(BigDecimal.valueOf(1900)) >= 0 && v.compareTo(BigDecimal.valueOf(2100)) <= 0
                && figure.surface().strip().length() == 4;
        return yearLike;
    }
}
