package org.ibvadvisor.answer.condense;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.ibvadvisor.answer.Turn;
import org.ibvadvisor.conversation.Role;
import org.ibvadvisor.answer.generate.Generated;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.answer.generate.GenerationOutcome;
import org.ibvadvisor.answer.generate.Generator;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.generate.TokenListener;
import org.ibvadvisor.answer.text.Language;

/**
 * Condenses a follow-up with the LLM: a short prompt with the previous question and the start of its answer asks
 * for one standalone question. Only follow-ups ({@link FollowUps#isFollowUp}) with a question before them are sent;
 * any failure (LLM unreachable or busy, deadline, an empty or rambling reply) falls back on {@code fallback}.
 */
public final class LlmCondenser implements Condenser {

    static final String SYSTEM_ZH = "把用户的追问改写成一个不依赖上文、可以单独检索的完整问题。只输出改写后的问题，不要回答它。";
    static final String SYSTEM_EN = "Rewrite the follow-up as one standalone question that can be searched without the "
            + "conversation. Output only that question; do not answer it.";
    static final int MAX_ANSWER_CHARS = 300;
    static final int MAX_QUERY_CHARS = 400;

    private static final Pattern MARKS = Pattern.compile("\\[\\d+]");
    private static final Pattern LABEL = Pattern.compile("^(?:改写后的问题|改写|完整问题|问题|Standalone question|Question)\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE);

    private final Generator generator;
    private final Condenser fallback;
    private final Duration timeout;

    public LlmCondenser(Generator generator, Condenser fallback, Duration timeout) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    @Override
    public String condense(String question, List<Turn> history) {
        if (!FollowUps.isFollowUp(question) || FollowUps.previousQuestion(history).isEmpty()) {
            return question;
        }
        Generation generation;
        try {
            generation = generator.generate(prompt(question, history), TokenListener.ignoring());
        } catch (RuntimeException generatorFailed) {
            return fallback.condense(question, history);
        }
        try {
            GenerationOutcome outcome = generation.outcome().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (outcome instanceof Generated generated) {
                String query = clean(generated.text());
                if (query != null) {
                    return query;
                }
            }
        } catch (TimeoutException | ExecutionException e) {
            generation.cancel();
        } catch (InterruptedException e) {
            generation.cancel();
            Thread.currentThread().interrupt();
        }
        return fallback.condense(question, history);
    }

    static Prompt prompt(String question, List<Turn> history) {
        boolean chinese = Language.of(question).isChinese();
        StringBuilder user = new StringBuilder(chinese ? "上文：\n" : "Conversation:\n");
        int previous = lastIndexOfQuestion(history);
        for (Turn turn : history.subList(previous, history.size())) {
            String who = turn.role() == Role.USER ? (chinese ? "用户：" : "User: ") : (chinese ? "助手：" : "Assistant: ");
            String said = turn.role() == Role.USER ? turn.standalone() : turn.text();
            user.append(who).append(shorten(MARKS.matcher(said).replaceAll(""))).append('\n');
        }
        user.append(chinese ? "追问：" : "Follow-up: ").append(question.strip());
        return new Prompt(chinese ? SYSTEM_ZH : SYSTEM_EN, user.toString());
    }

    /** The model's reply as a query: its first non-blank line without labels and quotes; null if unusable. */
    static String clean(String reply) {
        String line = reply.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = LABEL.matcher(line).replaceFirst("");
        line = line.replaceAll("^[\"“「'‘]+|[\"”」'’]+$", "").strip();
        if (line.isEmpty() || line.length() > MAX_QUERY_CHARS) {
            return null;
        }
        return line;
    }

    private static int lastIndexOfQuestion(List<Turn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == Role.USER) {
                return i;
            }
        }
        return 0;
    }

    private static String shorten(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_ANSWER_CHARS ? flat : flat.substring(0, MAX_ANSWER_CHARS) + "…";
    }
}
