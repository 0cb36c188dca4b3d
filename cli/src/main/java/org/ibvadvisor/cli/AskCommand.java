package org.ibvadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.json.AnswerJson;
import org.ibvadvisor.http.ApiSettings;
import org.ibvadvisor.cli.wiring.AdvisorCore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./advisor ask "问题"}: one answer on the terminal, with numbered references. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Answer one question and print it with numbered references.",
                "Runs against the index directly, or against a running advisor with --server."})
final class AskCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "QUESTION", description = "the question, in Chinese or English")
    String question;

    @Option(names = "--server", paramLabel = "URL", description = "ask a running advisor, e.g. http://localhost:7070")
    URI server;

    @Option(names = "--report", paramLabel = "ID", split = ",", description = "restrict the answer to these report ids")
    Set<String> reports = Set.of();

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:ADVISOR_API_KEY}",
            description = "bearer key of the server (env ADVISOR_API_KEY)")
    String apiKey;

    @Mixin
    AdvisorOptions options;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Question asked = new Question(question, null, reports);
        if (server == null) {
            System.out.println(askIndex(asked));
        } else {
            System.out.println(AnswerText.format(askServer(asked)));
        }
        return 0;
    }

    /** Answers from the index, printing the model's tokens as they come; returns what is left to print. */
    private String askIndex(Question asked) {
        PrintStream out = System.out;
        try (AdvisorCore core = AdvisorCore.open(options.config(ApiSettings.defaults(), "127.0.0.1", 0),
                ConsoleProgress.create(System.err))) {
            boolean[] streamed = {false};
            Answer answer = core.pipeline().answer(asked, List.of(), new AnswerListener() {
                @Override
                public void token(String text) {
                    streamed[0] = true;
                    out.print(text);
                    out.flush();
                }
            }).answer();
            if (!streamed[0]) return AnswerText.format(answer);
            out.println();
            return AnswerText.afterStreamedText(answer);
        }
    }

    private Answer askServer(Question asked) throws IOException, InterruptedException {
        var body = JSON.createObjectNode().put("question", asked.text());
        if (!asked.reports().isEmpty()) asked.reports().forEach(body.putArray("reports")::add);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/api/answer"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (apiKey != null && !apiKey.isBlank()) request.header("Authorization", "Bearer " + apiKey);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (ConnectException e) {
                throw new IllegalStateException("no advisor answers at " + server + " (connection refused): start one with "
                        + "`./advisor serve`, or leave out --server to ask the index directly", e);
            }
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the server answered " + response.statusCode() + ": " + json.path("error").asText(response.body()));
            }
            return AnswerJson.read(json);
        }
    }
}
