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

    /**
     * Which kind of LLM server a failure came from, so that its message names the right fix: Ollama's own commands
     * and options, or those of an OpenAI-compatible server (vLLM, SGLang, llama.cpp's server, LM Studio, LiteLLM).
     */
    enum Server {
        OLLAMA,
        OPENAI_COMPATIBLE
    }

    /** Nothing listens at the base URL (refused, unknown host, connect timeout). */
    record Unreachable(String baseUrl, String detail, Server server) implements GenerationFailure {
        public Unreachable {
            Objects.requireNonNull(server, "server");
        }

        /** Ollama unreachable. */
        public Unreachable(String baseUrl, String detail) {
            this(baseUrl, detail, Server.OLLAMA);
        }

        @Override
        public String message(Language language) {
            boolean chinese = language.isChinese();
            return switch (server) {
                case OLLAMA -> chinese
                        ? "无法连接大模型服务 Ollama（" + baseUrl + "，" + detail + "）：请运行 `ollama serve` 启动它，"
                        + "或用 --ollama-url / ADVISOR_OLLAMA_URL 指向它。"
                        : "Ollama is unreachable at " + baseUrl + " (" + detail + "): start it with `ollama serve`, "
                        + "or point --ollama-url / ADVISOR_OLLAMA_URL at it";
                case OPENAI_COMPATIBLE -> chinese
                        ? "无法连接 OpenAI 兼容的大模型服务（" + baseUrl + "，" + detail + "）：请启动它（vLLM、SGLang、"
                        + "llama.cpp server、LM Studio、LiteLLM），或用 --llm / ADVISOR_LLM 指向它。"
                        : "The OpenAI-compatible LLM server is unreachable at " + baseUrl + " (" + detail + "): start it"
                        + " (vLLM, SGLang, llama.cpp server, LM Studio, LiteLLM), or point --llm / ADVISOR_LLM at it";
            };
        }
    }

    /** The server runs but does not have the model. */
    record ModelNotFound(String model, String baseUrl, Server server) implements GenerationFailure {
        public ModelNotFound {
            Objects.requireNonNull(server, "server");
        }

        /** Ollama without the model. */
        public ModelNotFound(String model, String baseUrl) {
            this(model, baseUrl, Server.OLLAMA);
        }

        @Override
        public String message(Language language) {
            boolean chinese = language.isChinese();
            return switch (server) {
                case OLLAMA -> chinese ? "Ollama（" + baseUrl + "）上没有模型 " + model + "：请运行 `ollama pull " + model + "`。"
                        : "model " + model + " not found at " + baseUrl + ": run `ollama pull " + model + "`";
                case OPENAI_COMPATIBLE -> chinese
                        ? "OpenAI 兼容服务（" + baseUrl + "）上没有模型 " + model + "：请用 --llm openai:" + baseUrl
                        + "#模型名 指定它提供的模型（GET " + baseUrl + "/models 列出）。"
                        : "model " + model + " not found at " + baseUrl + ": name a model the server serves (GET "
                        + baseUrl + "/models lists them) with --llm openai:" + baseUrl + "#MODEL";
            };
        }
    }

    /** The server answered the request with an HTTP error (the server's own error text in {@code detail}). */
    record HttpError(int status, String detail, Server server) implements GenerationFailure {
        public HttpError {
            Objects.requireNonNull(server, "server");
        }

        /** An HTTP error from Ollama. */
        public HttpError(int status, String detail) {
            this(status, detail, Server.OLLAMA);
        }

        /** Whether trying again later may help (server busy or rate limiting). */
        public boolean retryable() {
            return status == 503 || status == 429;
        }

        @Override
        public String message(Language language) {
            boolean chinese = language.isChinese();
            String name = server == Server.OLLAMA ? "Ollama" : chinese ? "大模型服务" : "The LLM server";
            String window = server == Server.OLLAMA ? "num_ctx" : chinese ? "上下文长度设置" : "context size";
            String hint = detail.contains("context length") || detail.contains("context window")
                    ? (chinese ? "（提示词超出了模型的上下文长度：请缩短问题，或调高 " + window + " 上限）"
                    : " (the prompt is too long for the model's context: shorten it or raise the " + window + " maximum)")
                    : retryable() ? (chinese ? "（" + name + " 正忙：请稍后再试）" : " (" + (server == Server.OLLAMA
                    ? name : "the server") + " is busy: try again shortly)") : "";
            return (chinese ? name + " 返回 HTTP " + status + "：" : name + " answered HTTP " + status + ": ") + detail + hint;
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
