package org.ibvadvisor.answer.pipeline;

import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.text.Language;

/** The pipeline's own warnings, in the question's language (a generator's failure says itself why, and the fix). */
final class Warnings {

    private Warnings() {
    }

    static String emptyAnswer(Language language) {
        return language.isChinese() ? "大模型返回了空白回答，以下改为原文摘录。"
                : "The model returned an empty answer; the passages' best sentences are shown instead.";
    }

    static String cancelled(Language language) {
        return language.isChinese() ? "回答已取消，内容不完整。" : "The answer was cancelled and is incomplete.";
    }

    static String brokeOff(Language language, GenerationFailure failure) {
        return (language.isChinese() ? "回答中途中断，内容可能不完整：" : "The answer broke off and may be incomplete: ")
                + failure.message(language);
    }
}
