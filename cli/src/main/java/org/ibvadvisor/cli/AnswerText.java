package org.ibvadvisor.cli;

import java.util.Locale;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.Citation;

/** An answer as the terminal shows it: the text, how it was made, warnings, and numbered references. */
final class AnswerText {
    private static final int QUOTE_CHARS = 160;

    private AnswerText() {}

    static String format(Answer answer) {
        return label(answer) + answer.text().strip() + "\n" + details(answer);
    }

    /** What follows an answer whose text the terminal has shown already, token by token as it streamed. */
    static String afterStreamedText(Answer answer) {
        return label(answer) + details(answer);
    }

    /** How the answer was made, when not written by the model. */
    private static String label(Answer answer) {
        return switch (answer) {
            case Answer.Generated generated -> "";
            case Answer.Extractive extractive -> "[extractive: LLM offline — showing the cited passages]\n";
            case Answer.Refused refused -> "[the reports do not cover this]\n";
        };
    }

    /** The model, warnings, numbered references and time. */
    private static String details(Answer answer) {
        StringBuilder out = new StringBuilder();
        if (answer instanceof Answer.Generated generated) out.append("\n(").append(generated.model()).append(")\n");
        for (String warning : answer.warnings()) out.append("! ").append(warning).append('\n');
        if (!answer.citations().isEmpty()) out.append("\nReferences:\n");
        for (Citation c : answer.citations()) {
            String quote = c.quote().replaceAll("\\s+", " ").strip();
            if (quote.length() > QUOTE_CHARS) quote = quote.substring(0, QUOTE_CHARS) + "…";
            out.append(String.format(Locale.ROOT, "[%d] %s%s (%s, chars %d–%d)%n    “%s”%n", c.n(), c.reportTitle(),
                    c.section() == null || c.section().isBlank() ? "" : " › " + c.section(), c.reportId(), c.start(), c.end(), quote));
        }
        out.append(String.format(Locale.ROOT, "%.0f ms", answer.timings().totalMs()));
        return out.toString();
    }
}
