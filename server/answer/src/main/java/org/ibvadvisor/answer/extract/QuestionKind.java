package org.ibvadvisor.answer.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of thing a question asks for, judged by a few cue words (Chinese and English); the extractor prefers the
 * sentences that hold that kind of thing ({@link AnswerTypes}).
 *
 * <p>The cues are tried in this order and the first that matches decides: a time ({@code 何时, 什么时候, 哪一年, 几年, 多久,
 * when, what year, how soon}), a list named by {@code 哪几} (before the figure cue {@code 几}), a figure ({@code 多少,
 * 几成/几倍/几个…, 比例, 占比, 比重, 百分之, 百分比, 份额, 多大, how much/many, what share/percentage/proportion}), a
 * cause ({@code 为什么, 为何, 原因, why, what drives}), then a list ({@code 哪些, which, what are the}). A question
 * with none of them is {@link #OTHER} (what, how: no preference).
 */
public enum QuestionKind {
    /** A quantity: a share, a count, an amount. */
    FIGURE,
    /** A year or a time. */
    TIME,
    /** A cause or a reason. */
    CAUSE,
    /** Several things. */
    LIST,
    /** Anything else: no preference. */
    OTHER;

    private static final Pattern TIME_CUES = Pattern.compile(
            "何时|什么时候|哪一年|哪年|何年|几年|多久|多长时间|多快|\\bwhen\\b|what year|which year|how soon|how long|by when");
    private static final Pattern WHICH_FEW = Pattern.compile("哪几");
    private static final Pattern FIGURE_CUES = Pattern.compile(
            "多少|几成|几倍|几个|几家|几名|几项|几位|百分之几|比例|占比|比重|百分之|百分比|份额|多大|多高"
                    + "|how much|how many|what share|what percentage|what percent|what proportion|what fraction"
                    + "|what portion|what part of|how large|how big|how high");
    private static final Pattern CAUSE_CUES = Pattern.compile(
            "为什么|为何|原因|缘何|何以|\\bwhy\\b|what drives|what is driving|what causes|what reasons?");
    private static final Pattern LIST_CUES = Pattern.compile("哪些|\\bwhich\\b|what are the|列举");

    /** The kind of {@code question} (either language). */
    public static QuestionKind of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        if (TIME_CUES.matcher(q).find()) {
            return TIME;
        }
        if (WHICH_FEW.matcher(q).find()) {
            return LIST;
        }
        if (FIGURE_CUES.matcher(q).find()) {
            return FIGURE;
        }
        if (CAUSE_CUES.matcher(q).find()) {
            return CAUSE;
        }
        if (LIST_CUES.matcher(q).find()) {
            return LIST;
        }
        return OTHER;
    }
}
