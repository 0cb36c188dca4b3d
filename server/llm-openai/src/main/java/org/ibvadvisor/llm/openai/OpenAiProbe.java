package org.ibvadvisor.llm.openai;

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

/** Asks an OpenAI-compatible server for its models ({@code GET /models}, with the key). */
final class OpenAiProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiProbe() {
    }

    static OpenAiHealth check(HttpClient client, OpenAiSettings settings, Duration timeout) {
        String baseUrl = settings.baseUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/models")).timeout(timeout).GET();
        if (settings.apiKey() != null) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new OpenAiHealth.Unreachable(baseUrl, OpenAiErrors.describeConnectionProblem(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OpenAiHealth.Unreachable(baseUrl, "interrupted");
        }
        if (response.statusCode() != 200) {
            return new OpenAiHealth.Unreachable(baseUrl, "/models answered HTTP " + response.statusCode() + " "
                    + OpenAiErrors.errorText(response.body()));
        }
        List<String> served = new ArrayList<>();
        try {
            JSON.readTree(response.body()).path("data").forEach(model -> served.add(model.path("id").asText()));
        } catch (IOException e) {
            return new OpenAiHealth.Unreachable(baseUrl, "/models did not answer JSON; is this an OpenAI-compatible API?");
        }
        if (!served.contains(settings.model())) {
            return new OpenAiHealth.ModelMissing(baseUrl, settings.model(), served);
        }
        return new OpenAiHealth.Ready(baseUrl, settings.model());
    }
}
