package org.ibvadvisor.cli.wiring;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.RecordedRequest;

/**
 * What the stand-in Ollama answers, as a function of the prompt the advisor sent, the way a model that follows the
 * instructions would: a condensing prompt gets one standalone question joining the previous question and the
 * follow-up; an answer prompt gets an answer that states a figure of passage [1] citing [1], cites [2] together with
 * a [9] that points to no passage, and states {@link #UNSUPPORTED_FIGURE}, which no passage holds, citing [1]. A
 * question containing {@link #MARKUP_TRIGGER} is answered with markup meant to run script.
 */
public final class StandInAnswers {
    /** A figure that no report states: the checker must list it as unverified. */
    public static final String UNSUPPORTED_FIGURE = "987.6%";
    /** Put in a question, it makes the answer carry {@link #MARKUP}. */
    public static final String MARKUP_TRIGGER = "（请附标记）";
    public static final String MARKUP = "<script>window.__xss=1</script><img src=x onerror=window.__xss=1>";

    private static final Pattern PERCENT = Pattern.compile("\\d+(?:\\.\\d+)?\\s*%");
    private static final Pattern PASSAGE = Pattern.compile("(?ms)^\\[(\\d+)] 《[^》]*》[^\\n]*\\n(.*?)(?=\\n\\n\\[\\d+] 《|\\n\\n?问题：|\\n\\n?Question: |\\z)");

    private StandInAnswers() {
    }

    /** The script for every chat, each token {@code tokenDelay} after the one before. */
    public static Function<RecordedRequest, ChatScript> citing(Duration tokenDelay) {
        return request -> ChatScript.reply(reply(request)).tokenDelay(tokenDelay);
    }

    /** The text the stand-in answers {@code request} with. */
    public static String reply(RecordedRequest request) {
        String system = message(request, "system");
        String user = message(request, "user");
        if (isCondensing(system)) return condensed(user);
        String question = line(user, "问题：").or(() -> line(user, "Question: ")).orElse("");
        if (question.contains(MARKUP_TRIGGER)) return "测试回答 " + MARKUP + " 结束 [1]。";
        Optional<String> figure = passage(user, 1).flatMap(StandInAnswers::firstPercent);
        return figure.map(f -> "报告指出，" + f + " 的受访者持这一看法 [1]。").orElse("报告对此有直接论述 [1]。")
                + "其他资料提供了背景 [2][9]。"
                + "另有 " + UNSUPPORTED_FIGURE + " 的企业计划加大投入 [1]。";
    }

    /** Whether the request is the condensing of a follow-up (LlmCondenser's system prompt). */
    public static boolean isCondensing(RecordedRequest request) {
        return isCondensing(message(request, "system"));
    }

    /** The figure of passage {@code n} the answer to this prompt states, if any. */
    public static Optional<String> statedFigure(RecordedRequest request) {
        return passage(message(request, "user"), 1).flatMap(StandInAnswers::firstPercent);
    }

    /** The text of passage {@code n} as the prompt shows it. */
    public static Optional<String> passage(String prompt, int n) {
        Matcher m = PASSAGE.matcher(prompt);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == n) return Optional.of(m.group(2));
        }
        return Optional.empty();
    }

    public static String message(RecordedRequest request, String role) {
        List<RecordedRequest.Message> messages = request.messages();
        return messages.stream().filter(m -> m.role().equals(role)).map(RecordedRequest.Message::content)
                .reduce((a, b) -> b).orElse("");
    }

    private static boolean isCondensing(String system) {
        return system.startsWith("把用户的追问改写") || system.startsWith("Rewrite the follow-up");
    }

    /** "previous question, follow-up" from LlmCondenser's prompt ("用户：…" lines and "追问：…"). */
    private static String condensed(String user) {
        String previous = user.lines().filter(l -> l.startsWith("用户：") || l.startsWith("User: "))
                .reduce((a, b) -> b).map(l -> l.substring(l.indexOf(l.startsWith("用户：") ? "：" : ": ") + 1).strip())
                .orElse("");
        String followUp = line(user, "追问：").or(() -> line(user, "Follow-up: ")).orElse("");
        return previous.replaceAll("[？?]$", "") + "，" + followUp;
    }

    private static Optional<String> line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).reduce((a, b) -> b);
    }

    private static Optional<String> firstPercent(String text) {
        Matcher m = PERCENT.matcher(text);
        return m.find() ? Optional.of(m.group().replaceAll("\\s+", "")) : Optional.empty();
    }
}
