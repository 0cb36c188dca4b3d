package org.ibvadvisor.answer.condense;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.Turn;

/**
 * Condenses without an LLM: a follow-up ({@link FollowUps#isFollowUp}) is prefixed with the content words of the
 * previous question's standalone query (question words, particles, punctuation and English stop words dropped),
 * and without its years when the follow-up names a year of its own ("那 2025 年呢？" after a question about 2026).
 * The result is a bag of terms for retrieval, not a sentence for people.
 */
public final class CarryOverCondenser implements Condenser {

    private static final Pattern ZH_FUNCTION = Pattern.compile(
            "请问|请|告诉我|一下|什么|多少|哪些|哪个|哪里|哪|如何|怎么样|怎么|怎样|为什么|为何|是否|是不是|有没有|能否|可以|吗|呢|吧|啊|呀");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}&&[^%％.]]+");
    /** A year: {@code 2025 年} (with a leading 到/在/于), or {@code in 2025}; not {@code 2000 强}. */
    private static final Pattern YEAR = Pattern.compile(
            "(?:[到在于至]\\s*)?(?<!\\d)(?:19|20)\\d{2}\\s*年|(?i:\\b(?:in|by|for|since|until|to|of)\\s+)(?:19|20)\\d{2}(?!\\d)");
    private static final Set<String> EN_STOP = Set.of("what", "which", "who", "whom", "how", "why", "when", "where",
            "is", "are", "was", "were", "be", "been", "do", "does", "did", "the", "a", "an", "of", "to", "in", "on",
            "for", "and", "or", "about", "say", "says", "said", "tell", "me", "please", "can", "could", "would",
            "should", "will", "it", "its", "this", "that", "these", "those", "there", "they", "their", "them", "by",
            "with", "from", "as", "at", "any", "much", "many", "s");

    @Override
    public String condense(Question question, List<Turn> history) {
        String text = question.text();
        if (!FollowUps.isFollowUp(question)) {
            return text;
        }
        return FollowUps.previousQuestion(history)
                .map(previous -> carried(previous.standalone(), text))
                .filter(terms -> !terms.isBlank())
                .map(terms -> terms + " " + text.strip())
                .orElse(text);
    }

    /** The content words of {@code previous} worth carrying into {@code followUp}. */
    static String carried(String previous, String followUp) {
        String terms = previous;
        if (YEAR.matcher(followUp).find()) {
            terms = YEAR.matcher(terms).replaceAll(" ");
        }
        terms = ZH_FUNCTION.matcher(terms).replaceAll(" ");
        terms = PUNCTUATION.matcher(terms).replaceAll(" ");
        String words = List.of(terms.strip().split("\\s+")).stream()
                .filter(w -> !w.isEmpty())
                .filter(w -> !EN_STOP.contains(w.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(" "));
        return words;
    }
}
