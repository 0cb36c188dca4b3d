package org.ibvadvisor.answer.decide;

import java.util.List;
import org.ibvadvisor.answer.extract.Finding;
import org.ibvadvisor.answer.extract.Findings;
import org.ibvadvisor.answer.text.Language;

/** The text of a refusal: a short "the reports do not cover this" in the question's language, then the nearest findings, cited. */
public final class Refusal {

    private Refusal() {
    }

    public static String text(Language language, List<Finding> nearest) {
        String lead = language.isChinese() ? "这些报告没有涉及这个问题。" : "The reports do not cover this question.";
        if (nearest.isEmpty()) {
            return lead;
        }
        return lead + (language.isChinese() ? "最相关的内容如下：" : " The nearest related findings:")
                + "\n\n" + Findings.list(nearest);
    }
}
