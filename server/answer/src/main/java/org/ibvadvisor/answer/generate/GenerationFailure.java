package org.ibvadvisor.answer.generate;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.ibvadvisor.answer.text.Language;

/**
 * Why a generation produced no complete answer; {@link #message(Language)} is written for the user in the question's
 * language, with the fix (commands, addresses and Ollama's own error text kept as they are).
 */
public sealed interface GenerationFailure extends GenerationOutcome {

    /** What went wrong, for the user, naming the fix where there is one. */
    String message(Language language);

    /** {@link #message(Language)} in English (logs, API errors). */
    default String message() {
        return message(Language.EN);
    }

    /** Which of the generator's own deadlines ran out. */
    enum Deadline {
        /** No byte of answer (content or thinking) within the first-token timeout after the request was sent. */
        FIRST_TOKEN,
        /** The stream went silent for longer than the idle timeout. */
        IDLE,
        /** The whole generation, queueing included, took longer than the total timeout. */
        TOTAL
    }

    /** Nothing listens at the base URL (refused, unknown host, connect timeout). */
    record Unreachable(String baseUrl, String detail) implements GenerationFailure {
        @Override
        public String message(Language language) {
            return language.isChinese()
                    ? "无法连接大模型服务 Ollama（" + baseUrl + "，" + detail + "）：请运行 `ollama serve` 启动它，"
                    + "或用 --ollama-url / ADVISOR_OLLAMA_URL 指向它。"
                    : "Ollama is unreachable at " + baseUrl + " (" + detail + "): start it with `ollama serve`, "
                    + "or point --ollama-url / ADVISOR_OLLAMA_URL at it";
        }
    }

    /** Ollama runs but does not have the model. */
    record ModelNotFound(String model, String baseUrl) implements GenerationFailure {
        @Override
        public String message(Language language) {
            return language.isChinese() ? "Ollama（" + baseUrl + "）上没有模型 " + model + "：请运行 `ollama pull " + model + "`。"
                    : "model " + model + " not found at " + baseUrl + ": run `ollama pull " + model + "`";
        }
    }

    /** Ollama answered the request with an HTTP error (Ollama's own {@code error} text in {@code detail}). */
    record HttpError(int status, String detail) implements GenerationFailure {
        /** Whether trying again later may help (Ollama busy or rate limiting). */
        public boolean retryable() {
            return status == 503 || status == 429;
        }

        @Override
        public String message(Language language) {
            boolean chinese = language.isChinese();
            String hint = detail.contains("context length") || detail.contains("context window")
                    ? (chinese ? "（提示词超出了模型的上下文长度：请缩短问题，或调高 num_ctx 上限）"
                    : " (the prompt is too long for the model's context: shorten it or raise the num_ctx maximum)")
                    : retryable() ? (chinese ? "（Ollama 正忙：请稍后再试）" : " (Ollama is busy: try again shortly)") : "";
            return (chinese ? "Ollama 返回 HTTP " + status + "：" : "Ollama answered HTTP " + status + ": ") + detail + hint;
        }
    }

    /** The answer stream broke: an error line from Ollama, a dropped connection, or an end without {@code done}. */
    record StreamBroken(String detail) implements GenerationFailure {
        @Override
        public String message(Language language) {
            return (language.isChinese() ? "模型的回答中途断开：" : "The model's answer broke off: ") + detail;
        }
    }

    /** One of the generator's deadlines ran out; the stream was closed. */
    record DeadlineExceeded(Deadline deadline, Duration limit) implements GenerationFailure {
        public DeadlineExceeded {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(limit, "limit");
        }

        @Override
        public String message(Language language) {
            String after = seconds(limit, language);
            if (language.isChinese()) {
                return switch (deadline) {
                    case FIRST_TOKEN -> "模型在 " + after + " 内没有返回任何内容（可能仍在加载模型，或负载过高）";
                    case IDLE -> "模型停止输出超过 " + after;
                    case TOTAL -> "回答耗时超过 " + after;
                } + "；已停止生成。";
            }
            return switch (deadline) {
                case FIRST_TOKEN -> "The model sent nothing within " + after + " (still loading, or overloaded)";
                case IDLE -> "The model stopped sending for more than " + after;
                case TOTAL -> "The answer took longer than " + after;
            } + "; the generation was stopped.";
        }
    }

    /** Stopped by {@link Generation#cancel()}. */
    record Cancelled() implements GenerationFailure {
        @Override
        public String message(Language language) {
            return language.isChinese() ? "生成已取消。" : "The generation was cancelled.";
        }
    }

    /** Refused before starting: as many generations as allowed are running and the queue is full. */
    record Busy(int running, int queued, Duration retryAfter) implements GenerationFailure {
        @Override
        public String message(Language language) {
            String after = seconds(retryAfter, language);
            return language.isChinese() ? "正在生成的回答太多（" + running + " 个进行中，" + queued + " 个排队）；请在 " + after + " 后重试。"
                    : "Too many answers are being generated (" + running + " running, " + queued
                    + " waiting); try again in " + after + ".";
        }
    }

    private static String seconds(Duration duration, Language language) {
        long millis = duration.toMillis();
        String unit = language.isChinese() ? " 秒" : " s";
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0)) + unit;
    }
}
