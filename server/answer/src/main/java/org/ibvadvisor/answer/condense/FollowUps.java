package org.ibvadvisor.answer.condense;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ibvadvisor.answer.Turn;
import org.ibvadvisor.conversation.Role;
import org.ibvadvisor.answer.text.Language;

/** Tells a follow-up from a standalone question, and finds the question it follows. */
public final class FollowUps {

    /** Han characters in a question this short leave its subject to the conversation. */
    static final int SHORT_HAN = 6;
    /** Latin words in a question this short leave its subject to the conversation. */
    static final int SHORT_WORDS = 3;

    private static final List<String> ZH_OPENERS = List.of("那", "那么", "还有", "另外", "此外", "而", "并且", "以及",
            "和", "跟", "与", "同样", "为什么", "为何", "原因", "具体");
    private static final Pattern ZH_REFERENCES = Pattern.compile("它|他们|她们|这个|这些|那个|那些|这方面|上述|前者|后者|呢");
    private static final Set<String> EN_OPENERS = Set.of("and", "but", "so", "then", "also", "why", "how about",
            "what about", "and what", "what else", "same");
    private static final Set<String> EN_REFERENCES = Set.of("it", "its", "they", "them", "their", "this", "that",
            "these", "those", "there", "he", "she", "his", "her", "former", "latter");

    private FollowUps() {
    }

    /** Whether {@code question} leans on what was said before: short, opening with a connective, or pointing back. */
    public static boolean isFollowUp(String question) {
        String q = question.strip();
        if (Language.of(q).isChinese()) {
            long han = q.codePoints().filter(Language::isHan).count();
            return han <= SHORT_HAN || ZH_OPENERS.stream().anyMatch(q::startsWith) || ZH_REFERENCES.matcher(q).find();
        }
        String lower = q.toLowerCase(Locale.ROOT);
        List<String> words = List.of(lower.split("[^a-z0-9']+")).stream().filter(w -> !w.isEmpty()).toList();
        if (words.size() <= SHORT_WORDS) {
            return true;
        }
        boolean opens = EN_OPENERS.stream().anyMatch(o -> lower.startsWith(o + " ") || lower.startsWith(o + ","));
        return opens || words.stream().anyMatch(EN_REFERENCES::contains);
    }

    /** The latest question of {@code history}. */
    public static Optional<Turn> previousQuestion(List<Turn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == Role.USER) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }
}
