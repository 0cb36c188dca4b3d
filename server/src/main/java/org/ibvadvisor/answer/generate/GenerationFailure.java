package org.ibvadvisor.answer.generate;

import java.time.Duration;
import java.util.Objects;

/** Why a generation produced no complete answer; {@link #message()} is written for the user, with the fix. */
public sealed interface GenerationFailure extends GenerationOutcome {

    /** What went wrong, for the user, naming the fix where there is one. */
    String message();

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
        public String message() {
            return "Ollama is unreachable at " + baseUrl + " (" + detail + "): start it with `ollama serve`, "
                    + "or point --ollama-url / ADVISOR_OLLAMA_URL at it";
        }
    }

    /** Ollama runs but does not have the model. */
    record ModelNotFound(String model, String baseUrl) implements GenerationFailure {
        @Override
        public String message() {
            return "model " + model + " not found at " + baseUrl + ": run `ollama pull " + model + "`";
        }
    }

    /** Ollama answered the request with an HTTP error (Ollama's own {@code error} text in {@code detail}). */
    record HttpError(int status, String detail) implements GenerationFailure {
        /** Whether trying again later may help (Ollama busy or rate limiting). */
        public boolean retryable() {
            return status == 503 || status == 429;
        }

        @Override
        public String message() {
            String hint = detail.contains("context length") || detail.contains("context window")
                    ? " (the prompt is too long for the model's context: shorten it or raise the num_ctx maximum)"
                    : retryable() ? " (Ollama is busy: try again shortly)" : "";
            return "Ollama answered HTTP " + status + ": " + detail + hint;
        }
    }

    /** The answer stream broke: an error line from Ollama, a dropped connection, or an end without {@code done}. */
    record StreamBroken(String detail) implements GenerationFailure {
        @Override
        public String message() {
            return "The model's answer broke off: " + detail;
        }
    }

    /** One of the generator's deadlines ran out; the stream was closed. */
    record DeadlineExceeded(Deadline deadline, Duration limit) implements GenerationFailure {
        public DeadlineExceeded {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(limit, "limit");
        }

        @Override
        public String message() {
            String what = switch (deadline) {
                case FIRST_TOKEN -> "The model sent nothing within " + seconds(limit)
                        + " (still loading, or overloaded)";
                case IDLE -> "The model stopped sending for more than " + seconds(limit);
                case TOTAL -> "The answer took longer than " + seconds(limit);
            };
            return what + "; the generation was stopped.";
        }
    }

    /** Stopped by {@link Generation#cancel()}. */
    record Cancelled() implements GenerationFailure {
        @Override
        public String message() {
            return "The generation was cancelled.";
        }
    }

    /** Refused before starting: as many generations as allowed are running and the queue is full. */
    record Busy(int running, int queued, Duration retryAfter) implements GenerationFailure {
        @Override
        public String message() {
            return "Too many answers are being generated (" + running + " running, " + queued
                    + " waiting); try again in " + seconds(retryAfter) + ".";
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
