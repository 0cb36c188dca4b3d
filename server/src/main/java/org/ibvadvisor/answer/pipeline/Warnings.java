package org.ibvadvisor.answer.pipeline;

import java.time.Duration;
import java.util.Locale;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.text.Language;

/**
 * The pipeline's warnings, in the question's language: its own, and why the model gave no answer with the fix
 * (commands, addresses and Ollama's own error text kept as they are).
 */
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
                + failed(language, failure);
    }

    /** Why the model gave no (complete) answer, with the fix; English questions get the generator's own message. */
    static String failed(Language language, GenerationFailure failure) {
        if (!language.isChinese()) return failure.message();
        return switch (failure) {
            case GenerationFailure.Unreachable u -> "无法连接大模型服务 Ollama（" + u.baseUrl() + "，" + u.detail()
                    + "）：请运行 `ollama serve` 启动它，或用 --ollama-url / ADVISOR_OLLAMA_URL 指向它。";
            case GenerationFailure.ModelNotFound m -> "Ollama（" + m.baseUrl() + "）上没有模型 " + m.model()
                    + "：请运行 `ollama pull " + m.model() + "`。";
            case GenerationFailure.HttpError h -> "Ollama 返回 HTTP " + h.status() + "：" + h.detail()
                    + (h.detail().contains("context length") || h.detail().contains("context window")
                    ? "（提示词超出了模型的上下文长度：请缩短问题，或调高 num_ctx 上限）"
                    : h.retryable() ? "（Ollama 正忙：请稍后再试）" : "");
            case GenerationFailure.StreamBroken b -> "模型的回答中途断开：" + b.detail();
            case GenerationFailure.DeadlineExceeded d -> switch (d.deadline()) {
                case FIRST_TOKEN -> "模型在 " + seconds(d.limit()) + " 内没有返回任何内容（可能仍在加载模型，或负载过高）；已停止生成。";
                case IDLE -> "模型停止输出超过 " + seconds(d.limit()) + "；已停止生成。";
                case TOTAL -> "回答耗时超过 " + seconds(d.limit()) + "；已停止生成。";
            };
            case GenerationFailure.Cancelled c -> "生成已取消。";
            case GenerationFailure.Busy b -> "正在生成的回答太多（" + b.running() + " 个进行中，" + b.queued()
                    + " 个排队）；请在 " + seconds(b.retryAfter()) + " 后重试。";
        };
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " 秒" : String.format(Locale.ROOT, "%.1f 秒", millis / 1000.0);
    }
}
