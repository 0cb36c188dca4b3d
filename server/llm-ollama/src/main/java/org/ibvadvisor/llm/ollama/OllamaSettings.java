package org.ibvadvisor.llm.ollama;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.ibvadvisor.answer.generate.GenerationLimits;

/**
 * How to reach and drive Ollama. Read once at the edge (CLI flags, environment) and passed in; {@link #defaults()}
 * gives a local Ollama with {@code qwen2.5:7b}.
 *
 * @param baseUrl           Ollama's base URL, e.g. {@code http://localhost:11434} (no trailing slash kept)
 * @param model             the model tag, e.g. {@code qwen2.5:7b}
 * @param temperature       sampling temperature; low, so answers stay close to the passages
 * @param keepAlive         how long Ollama keeps the model loaded after a request ({@code keep_alive}, whole
 *                          seconds; negative keeps it loaded forever)
 * @param numCtxMin         the smallest context window requested; windows grow by doubling from here
 * @param numCtxMax         the largest context window requested (memory on the GPU host is the limit)
 * @param numPredict        the most tokens an answer may have ({@code num_predict}); also reserved in the window
 * @param think             {@code think} for reasoning models ({@code false} for qwen3); null sends nothing, which
 *                          suits models without thinking such as qwen2.5
 * @param firstTokenTimeout from sending the request to the first byte of answer (covers model loading)
 * @param idleTimeout       the longest silence between two chunks of the stream
 * @param totalTimeout      the whole generation, queueing included
 * @param maxConcurrent     generations streaming from Ollama at once
 * @param maxQueued         generations waiting for a turn; beyond this, requests fail at once with Busy
 */
public record OllamaSettings(String baseUrl, String model, double temperature, Duration keepAlive, int numCtxMin,
                             int numCtxMax, int numPredict, Boolean think, Duration firstTokenTimeout,
                             Duration idleTimeout, Duration totalTimeout, int maxConcurrent, int maxQueued) {

    public static final String DEFAULT_BASE_URL = "http://localhost:11434";
    public static final String DEFAULT_MODEL = "qwen2.5:7b";

    public OllamaSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Ollama base URL is not a URL: '" + baseUrl + "'", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Ollama base URL must be http(s)://host[:port], got '" + baseUrl + "'");
        }
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be within [0, 2], got " + temperature);
        }
        Objects.requireNonNull(keepAlive, "keepAlive");
        new GenerationLimits(numCtxMin, numCtxMax, numPredict, firstTokenTimeout, idleTimeout, totalTimeout,
                maxConcurrent, maxQueued);
    }

    /** A local Ollama with {@code qwen2.5:7b}: temperature 0.1, keep-alive 30 min, windows 4K–16K, 2 at a time. */
    public static OllamaSettings defaults() {
        return new OllamaSettings(DEFAULT_BASE_URL, DEFAULT_MODEL, 0.1, Duration.ofMinutes(30), 4096, 16384, 1024,
                null, Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(180), 2, 8);
    }

    /** The bounds the answer core's generator keeps to, whatever the protocol. */
    public GenerationLimits limits() {
        return new GenerationLimits(numCtxMin, numCtxMax, numPredict, firstTokenTimeout, idleTimeout, totalTimeout,
                maxConcurrent, maxQueued);
    }

    public OllamaSettings withBaseUrl(String url) {
        return new OllamaSettings(url, model, temperature, keepAlive, numCtxMin, numCtxMax, numPredict, think,
                firstTokenTimeout, idleTimeout, totalTimeout, maxConcurrent, maxQueued);
    }

    public OllamaSettings withModel(String name) {
        return new OllamaSettings(baseUrl, name, temperature, keepAlive, numCtxMin, numCtxMax, numPredict, think,
                firstTokenTimeout, idleTimeout, totalTimeout, maxConcurrent, maxQueued);
    }

    public OllamaSettings withThink(Boolean value) {
        return new OllamaSettings(baseUrl, model, temperature, keepAlive, numCtxMin, numCtxMax, numPredict, value,
                firstTokenTimeout, idleTimeout, totalTimeout, maxConcurrent, maxQueued);
    }

    public OllamaSettings withSampling(double newTemperature, Duration newKeepAlive) {
        return new OllamaSettings(baseUrl, model, newTemperature, newKeepAlive, numCtxMin, numCtxMax, numPredict,
                think, firstTokenTimeout, idleTimeout, totalTimeout, maxConcurrent, maxQueued);
    }

    public OllamaSettings withContext(int newNumCtxMin, int newNumCtxMax, int newNumPredict) {
        return new OllamaSettings(baseUrl, model, temperature, keepAlive, newNumCtxMin, newNumCtxMax, newNumPredict,
                think, firstTokenTimeout, idleTimeout, totalTimeout, maxConcurrent, maxQueued);
    }

    public OllamaSettings withTimeouts(Duration firstToken, Duration idle, Duration total) {
        return new OllamaSettings(baseUrl, model, temperature, keepAlive, numCtxMin, numCtxMax, numPredict, think,
                firstToken, idle, total, maxConcurrent, maxQueued);
    }

    public OllamaSettings withConcurrency(int newMaxConcurrent, int newMaxQueued) {
        return new OllamaSettings(baseUrl, model, temperature, keepAlive, numCtxMin, numCtxMax, numPredict, think,
                firstTokenTimeout, idleTimeout, totalTimeout, newMaxConcurrent, newMaxQueued);
    }
}
