package org.ibvadvisor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.cli.wiring.LlmBackend;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.llm.openai.OpenAiSettings;

/**
 * Reads {@code --llm} / {@code ADVISOR_LLM}: backends separated by commas, each {@code PROTOCOL:URL[#MODEL][@N]} —
 * {@code ollama:http://gpu1:11434#qwen2.5:7b@4}, {@code openai:http://gpu2:8000/v1#Qwen/Qwen2.5-7B-Instruct} — where
 * {@code MODEL} defaults to {@code --model} and {@code N} (answers streamed at once) to {@code --llm-parallel}.
 * Fails with a message naming the bad entry and what was expected.
 */
final class LlmOption {

    static final String FORMAT = "PROTOCOL:URL[#MODEL][@N], PROTOCOL ollama or openai";
    private static final Pattern PARALLEL = Pattern.compile("@(\\d*)$");

    /** What a backend takes when its entry does not say. */
    record Defaults(String model, int parallel, Boolean think, String apiKey, int contextSize) {}

    private LlmOption() {
    }

    static List<LlmBackend> parse(String value, Defaults defaults) {
        if (value == null || value.isBlank()) {
            throw bad("is empty; expected one or more backends " + FORMAT);
        }
        List<LlmBackend> backends = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            backends.add(backend(entry.strip(), value, defaults));
        }
        return backends;
    }

    private static LlmBackend backend(String entry, String whole, Defaults defaults) {
        if (entry.isEmpty()) {
            throw bad("has an empty backend in '" + whole + "'; separate backends with single commas");
        }
        int colon = entry.indexOf(':');
        String protocol = colon < 0 ? "" : entry.substring(0, colon).toLowerCase(Locale.ROOT);
        if (colon < 0 || protocol.equals("http") || protocol.equals("https")) {
            throw bad("'" + entry + "' names no protocol: write ollama:" + entry + " or openai:" + entry + " ("
                    + FORMAT + ")");
        }
        String rest = entry.substring(colon + 1);
        String url = rest;
        String model = defaults.model();
        int parallel = defaults.parallel();
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            url = rest.substring(0, hash);
            String named = rest.substring(hash + 1);
            int at = named.lastIndexOf('@');
            if (at >= 0) {
                parallel = parallel(named.substring(at + 1), entry);
                named = named.substring(0, at);
            }
            if (named.isBlank()) {
                throw bad("'" + entry + "' has no model after '#' (" + FORMAT + ")");
            }
            model = named.strip();
        } else {
            Matcher suffix = PARALLEL.matcher(rest);
            if (suffix.find()) {
                parallel = parallel(suffix.group(1), entry);
                url = rest.substring(0, suffix.start());
            }
        }
        try {
            return switch (protocol) {
                case "ollama" -> new LlmBackend.Ollama(OllamaSettings.defaults().withBaseUrl(url).withModel(model)
                        .withThink(defaults.think())
                        .withConcurrency(parallel, OllamaSettings.defaults().maxQueued()));
                case "openai" -> new LlmBackend.OpenAi(OpenAiSettings.defaults(model).withBaseUrl(url)
                        .withApiKey(defaults.apiKey())
                        .withContext(defaults.contextSize(), OpenAiSettings.defaults(model).maxTokens())
                        .withConcurrency(parallel, OpenAiSettings.defaults(model).maxQueued()));
                default -> throw bad("'" + entry + "' has an unknown protocol '" + protocol + "': use ollama, or openai"
                        + " for any OpenAI-compatible server (vLLM, SGLang, llama.cpp server, LM Studio, LiteLLM)");
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("--llm")) {
                throw e;
            }
            throw bad("'" + entry + "': " + e.getMessage());
        }
    }

    private static int parallel(String text, String entry) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // below
        }
        throw bad("'" + entry + "': the number after '@' (answers at once) must be a whole number of at least 1, got '"
                + text + "'");
    }

    private static IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("--llm " + what);
    }
}
