package org.ibvadvisor.llm.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks Ollama for its version ({@code /api/version}) and pulled models ({@code /api/tags}). */
final class OllamaProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OllamaProbe() {
    }

    static OllamaHealth check(HttpClient client, OllamaSettings settings, Duration timeout) {
        String baseUrl = settings.baseUrl();
        try {
            JsonNode version = get(client, baseUrl + "/api/version", timeout);
            JsonNode tags = get(client, baseUrl + "/api/tags", timeout);
            List<String> available = new ArrayList<>();
            tags.path("models").forEach(m -> available.add(m.path("name").asText(m.path("model").asText())));
            String wanted = normalize(settings.model());
            if (available.stream().map(OllamaProbe::normalize).noneMatch(wanted::equals)) {
                return new OllamaHealth.ModelMissing(baseUrl, settings.model(), available);
            }
            return new OllamaHealth.Ready(baseUrl, settings.model(), version.path("version").asText("unknown"));
        } catch (ProbeFailure e) {
            return new OllamaHealth.Unreachable(baseUrl, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OllamaHealth.Unreachable(baseUrl, "interrupted");
        }
    }

    private static JsonNode get(HttpClient client, String url, Duration timeout)
            throws ProbeFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProbeFailure(OllamaErrors.describeConnectionProblem(e));
        }
        if (response.statusCode() != 200) {
            throw new ProbeFailure(URI.create(url).getPath() + " answered HTTP " + response.statusCode() + " "
                    + OllamaErrors.errorText(response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ProbeFailure(URI.create(url).getPath() + " did not answer JSON; is this Ollama?");
        }
    }

    /** Ollama names without a tag mean {@code :latest}. */
    static String normalize(String model) {
        return model.contains(":") ? model : model + ":latest";
    }

    private static final class ProbeFailure extends Exception {
        ProbeFailure(String message) {
            super(message, null, false, false);
        }
    }
}
