package org.ibvadvisor.llm.ollama;

import org.ibvadvisor.answer.generate.GenerationFailure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.ollama.OllamaStreamingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Maps what the HTTP client, langchain4j and Ollama throw or answer to the kind of {@link GenerationFailure}. */
final class OllamaErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    private OllamaErrors() {
    }

    static GenerationFailure classify(Throwable error, boolean responseStarted, OllamaSettings settings) {
        for (Throwable cause = error; cause != null; cause = next(cause)) {
            if (cause instanceof HttpException http) {
                return fromStatus(http.statusCode(), errorText(http.getMessage()), settings);
            }
            if (cause instanceof OllamaStreamingException) {
                return new GenerationFailure.StreamBroken("Ollama reported an error: " + cause.getMessage());
            }
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    || cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return new GenerationFailure.Unreachable(settings.baseUrl(), describeConnect(cause));
            }
            if (cause instanceof HttpTimeoutException) {
                return new GenerationFailure.DeadlineExceeded(GenerationFailure.Deadline.TOTAL,
                        settings.totalTimeout());
            }
        }
        for (Throwable cause = error; cause != null; cause = next(cause)) {
            if (cause instanceof IOException io) {
                return new GenerationFailure.StreamBroken(responseStarted
                        ? "the connection to Ollama was lost mid-answer (" + describe(io) + ")"
                        : "Ollama closed the connection without answering (" + describe(io) + ")");
            }
        }
        return new GenerationFailure.StreamBroken(describe(error));
    }

    static GenerationFailure fromStatus(int status, String detail, OllamaSettings settings) {
        if (status == 404 && detail.contains("not found")) {
            return new GenerationFailure.ModelNotFound(settings.model(), settings.baseUrl());
        }
        return new GenerationFailure.HttpError(status, detail);
    }

    /** Ollama's {@code {"error":"…"}} text, or the body itself, shortened. */
    static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "(empty response)";
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.hasNonNull("error")) {
                return shorten(json.get("error").asText());
            }
        } catch (IOException notJson) {
            // use the body as it is
        }
        return shorten(body.strip());
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        return next == cause ? null : next;
    }

    /** A short description of why a connection failed ("connection refused", "request timed out", …). */
    static String describeConnectionProblem(Throwable error) {
        for (Throwable cause = error; cause != null; cause = next(cause)) {
            if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                    || cause instanceof UnknownHostException) {
                return describeConnect(cause);
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer in time";
            }
        }
        return describe(error);
    }

    private static String describeConnect(Throwable cause) {
        if (cause instanceof ConnectException && cause.getMessage() == null) {
            return "connection refused";
        }
        return describe(cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : shorten(message);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
