package org.ibvadvisor.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.GenerationFailure.Server;

/** Maps what the HTTP client, langchain4j and an OpenAI-compatible server throw or answer to a {@link GenerationFailure}. */
final class OpenAiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    private OpenAiErrors() {
    }

    static GenerationFailure classify(Throwable error, boolean responseStarted, OpenAiSettings settings) {
        for (Throwable cause = error; cause != null; cause = next(cause)) {
            if (cause instanceof HttpException http) {
                return fromStatus(http.statusCode(), errorText(http.getMessage()), settings);
            }
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    || cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return new GenerationFailure.Unreachable(settings.baseUrl(), describeConnect(cause),
                        Server.OPENAI_COMPATIBLE);
            }
            if (cause instanceof HttpTimeoutException) {
                return new GenerationFailure.DeadlineExceeded(GenerationFailure.Deadline.TOTAL,
                        settings.totalTimeout());
            }
        }
        for (Throwable cause = error; cause != null; cause = next(cause)) {
            if (cause instanceof IOException io) {
                return new GenerationFailure.StreamBroken(responseStarted
                        ? "the connection to the LLM server was lost mid-answer (" + describe(io) + ")"
                        : "the LLM server closed the connection without answering (" + describe(io) + ")");
            }
        }
        return new GenerationFailure.StreamBroken(describe(error));
    }

    /**
     * A 404 that names the model (vLLM: "The model `x` does not exist.", OpenAI: {@code model_not_found}) is a
     * missing model; anything else is the status with the server's own text.
     */
    static GenerationFailure fromStatus(int status, String detail, OpenAiSettings settings) {
        String lower = detail.toLowerCase(Locale.ROOT);
        if (status == 404 && lower.contains("model")
                && (lower.contains("not exist") || lower.contains("not found") || lower.contains("model_not_found"))) {
            return new GenerationFailure.ModelNotFound(settings.model(), settings.baseUrl(), Server.OPENAI_COMPATIBLE);
        }
        return new GenerationFailure.HttpError(status, detail, Server.OPENAI_COMPATIBLE);
    }

    /**
     * The server's error text: {@code {"error":{"message":…}}} (OpenAI, llama.cpp, LiteLLM),
     * {@code {"object":"error","message":…}} (vLLM), {@code {"error":"…"}}, or the body itself; shortened.
     */
    static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "(empty response)";
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.isObject()) {
                JsonNode error = json.get("error");
                if (error != null && error.isTextual()) {
                    return shorten(error.asText());
                }
                if (error != null && error.hasNonNull("message")) {
                    return shorten(error.get("message").asText());
                }
                if (json.hasNonNull("message")) {
                    return shorten(json.get("message").asText());
                }
            }
        } catch (IOException notJson) {
            // use the body as it is
        }
        return shorten(body.strip());
    }

    /** A short description of why a connection failed ("connection refused", "no answer in time", …). */
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

    static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        return next == cause ? null : next;
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
}
