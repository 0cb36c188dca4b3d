package org.ibvadvisor.answer.prompt;

import java.util.List;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.text.Language;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.text.WrappedLines;

/**
 * The default prompt, compact because every token costs time on a 7B model: a system instruction in the question's
 * language (answer only from the passages, {@code [n]} after each claim, figures as written, say plainly when the
 * reports do not cover it, answer in the question's language), then the passages as {@code [n] 《report》 section}
 * with their readable text (layout wrapping joined, each cut at {@code maxPassageChars}), then the question.
 */
public final class CitingPromptWriter implements PromptWriter {

    static final String SYSTEM_ZH = "你是 IBM 商业价值研究院（IBV）报告的顾问。只根据用户给出的编号资料回答，不用资料以外的知识。"
            + "每个论断后标注资料编号，如 [1] 或 [1][2]；数字、百分比和年份照资料原样引用。"
            + "资料没有涉及的问题，直接说“这些报告没有涉及”。用中文简洁作答。";
    static final String SYSTEM_EN = "You advise on reports by the IBM Institute for Business Value. Answer only from the "
            + "numbered passages the user gives, never from other knowledge. Put the passage number after each claim, "
            + "like [1] or [1][2]; quote figures, percentages and years exactly as the passages give them. If the "
            + "passages do not cover the question, say plainly that the reports do not cover it. The passages are in "
            + "Chinese; answer in English, concisely.";

    private final int maxPassageChars;
    private final int maxSectionLevels;

    /**
     * @param maxPassageChars  longest passage text put in the prompt (readable characters); longer ones are cut
     * @param maxSectionLevels how many of the innermost section headings to show
     */
    public CitingPromptWriter(int maxPassageChars, int maxSectionLevels) {
        if (maxPassageChars < 50 || maxSectionLevels < 0) {
            throw new IllegalArgumentException("need maxPassageChars >= 50 and maxSectionLevels >= 0, got "
                    + maxPassageChars + " and " + maxSectionLevels);
        }
        this.maxPassageChars = maxPassageChars;
        this.maxSectionLevels = maxSectionLevels;
    }

    /** Passages cut at 1,200 characters, the two innermost headings. */
    public static CitingPromptWriter defaults() {
        return new CitingPromptWriter(1200, 2);
    }

    @Override
    public Prompt write(Question question, String query, List<Passage> passages) {
        if (passages.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one passage");
        }
        Language language = question.language();
        StringBuilder user = new StringBuilder();
        user.append(language.isChinese() ? "资料：\n" : "Passages:\n");
        for (int i = 0; i < passages.size(); i++) {
            appendPassage(user, i + 1, passages.get(i));
        }
        user.append(language.isChinese() ? "问题：" : "Question: ").append(question.text().strip()).append('\n');
        if (!query.strip().equals(question.text().strip())) {
            user.append(language.isChinese() ? "（结合上文，即：" : "(In context: ").append(query.strip())
                    .append(language.isChinese() ? "）\n" : ")\n");
        }
        return new Prompt(language.isChinese() ? SYSTEM_ZH : SYSTEM_EN, user.toString());
    }

    private void appendPassage(StringBuilder user, int n, Passage passage) {
        user.append('[').append(n).append("] 《").append(passage.reportTitle()).append('》');
        List<String> section = passage.section();
        List<String> shown = section.subList(Math.max(0, section.size() - maxSectionLevels), section.size());
        if (!shown.isEmpty()) {
            user.append(' ').append(String.join(" > ", shown));
        }
        user.append('\n').append(cut(WrappedLines.join(passage.text()))).append("\n\n");
    }

    private String cut(String text) {
        if (text.length() <= maxPassageChars) {
            return text;
        }
        int end = maxPassageChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
