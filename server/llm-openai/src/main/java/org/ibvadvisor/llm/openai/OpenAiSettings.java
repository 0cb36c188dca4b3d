package org.ibvadvisor.llm.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.ibvadvisor.answer.generate.GenerationLimits;

/**
 * How to reach and drive an OpenAI-compatible server (vLLM, SGLang, llama.cpp's server, LM Studio, a LiteLLM
 * gateway). Read once at the edge and passed in.
 *
 * @param baseUrl           the API's base URL, e.g. {@code http://gpu2:8000/v1} ({@code /v1} added when the URL has
 *                          no path; no trailing slash kept); {@code /chat/completions} and {@code /models} are under it
 * @param model             the model name the server serves it by (vLLM's {@code --served-model-name})
 * @param apiKey            sent as {@code Authorization: Bearer …}; null sends none (local servers without a key)
 * @param temperature       sampling temperature; low, so answers stay close to the passages
 * @param contextSize       the model's context length as the server runs it (vLLM's {@code --max-model-len},
 *                          llama.cpp's {@code -c}): the prompt and the answer must fit in it; a reported prompt that
 *                          fills it is flagged as cut
 * @param maxTokens         the most tokens an answer may have ({@code max_tokens})
 * @param firstTokenTimeout from sending the request to the first line of the stream
 * @param idleTimeout       the longest silence between two lines of the stream
 * @param totalTimeout      the whole generation, queueing included
 * @param maxConcurrent     generations streaming from the server at once
 * @param maxQueued         generations waiting for a turn; beyond this, requests fail at once with Busy
 */
public record OpenAiSettings(String baseUrl, String model, String apiKey, double temperature, int contextSize,
                             int maxTokens, Duration firstTokenTimeout, Duration idleTimeout, Duration totalTimeout,
                             int maxConcurrent, int maxQueued) {

    /** vLLM's and SGLang's port. */
    public static final String DEFAULT_BASE_URL = "http://localhost:8000/v1";
    public static final int DEFAULT_CONTEXT_SIZE = 16384;

    public OpenAiSettings {
        baseUrl = normalize(Objects.requireNonNull(baseUrl, "baseUrl"));
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be within [0, 2], got " + temperature);
        }
        new GenerationLimits(contextSize, contextSize, maxTokens, firstTokenTimeout, idleTimeout, totalTimeout,
                maxConcurrent, maxQueued);
    }

    /** A local server at {@link #DEFAULT_BASE_URL} serving {@code model}: 16K context, answers of up to 1024 tokens. */
    public static OpenAiSettings defaults(String model) {
        return new OpenAiSettings(DEFAULT_BASE_URL, model, null, 0.1, DEFAULT_CONTEXT_SIZE, 1024,
                Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(180), 2, 8);
    }

    /**
     * The bounds the answer core's generator keeps to: the window is the server's fixed context size (an
     * OpenAI-compatible server does not take one per request).
     */
    public GenerationLimits limits() {
        return new GenerationLimits(contextSize, contextSize, maxTokens, firstTokenTimeout, idleTimeout, totalTimeout,
                maxConcurrent, maxQueued);
    }

    public OpenAiSettings withBaseUrl(String url) {
        return new OpenAiSettings(url, model, apiKey, temperature, contextSize, maxTokens, firstTokenTimeout,
                idleTimeout, totalTimeout, maxConcurrent, maxQueued);
    }

    public OpenAiSettings withApiKey(String key) {
        return new OpenAiSettings(baseUrl, model, key, temperature, contextSize, maxTokens, firstTokenTimeout,
                idleTimeout, totalTimeout, maxConcurrent, maxQueued);
    }

    public OpenAiSettings withContext(int newContextSize, int newMaxTokens) {
        return new OpenAiSettings(baseUrl, model, apiKey, temperature, newContextSize, newMaxTokens,
                firstTokenTimeout, idleTimeout, totalTimeout, maxConcurrent, maxQueued);
    }

    public OpenAiSettings withTimeouts(Duration firstToken, Duration idle, Duration total) {
        return new OpenAiSettings(baseUrl, model, apiKey, temperature, contextSize, maxTokens, firstToken, idle,
                total, maxConcurrent, maxQueued);
    }

    public OpenAiSettings withConcurrency(int newMaxConcurrent, int newMaxQueued) {
        return new OpenAiSettings(baseUrl, model, apiKey, temperature, contextSize, maxTokens, firstTokenTimeout,
                idleTimeout, totalTimeout, newMaxConcurrent, newMaxQueued);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", temperature=" + temperature + ", contextSize=" + contextSize + ", maxTokens=" + maxTokens
                + ", firstTokenTimeout=" + firstTokenTimeout + ", idleTimeout=" + idleTimeout + ", totalTimeout="
                + totalTimeout + ", maxConcurrent=" + maxConcurrent + ", maxQueued=" + maxQueued + "]";
    }

    private static String normalize(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OpenAI-compatible base URL is not a URL: '" + url + "'", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("OpenAI-compatible base URL must be http(s)://host[:port][/path], got '"
                    + url + "'");
        }
        return uri.getPath() == null || uri.getPath().isEmpty() ? trimmed + "/v1" : trimmed;
    }
}
