package org.ibvadvisor.eval.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.http.ApiSettings;
import org.ibvadvisor.http.RateLimit;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.cli.wiring.Advisor;
import org.ibvadvisor.cli.wiring.AdvisorConfig;

/**
 * The advisor as {@code ./advisor serve --rate-limit 0} runs it (same {@link Advisor}, same defaults), for a
 * benchmark's child JVM: {@code --port --index --corpus --data --ollama-url --model --embedding-model}.
 */
public final class BenchAdvisorMain {
    private BenchAdvisorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            options.put(args[i].substring(2), args[i + 1]);
        }
        OllamaSettings llm = OllamaSettings.defaults().withBaseUrl(required(options, "ollama-url")).withModel(required(options, "model"));
        AdvisorConfig config = new AdvisorConfig(Path.of(required(options, "corpus")), Path.of(required(options, "index")),
                Path.of(required(options, "data")), required(options, "embedding-model"), llm, AnswerSettings.defaults(),
                ApiSettings.defaults().withRateLimit(RateLimit.none()), "127.0.0.1", Integer.parseInt(required(options, "port")));
        long started = System.nanoTime();
        try (Advisor advisor = Advisor.start(config, IngestProgress.NONE)) {
            System.out.printf("IBV Advisor ready in %.1f s at %s%n", (System.nanoTime() - started) / 1e9, advisor.uri());
            Runtime.getRuntime().addShutdownHook(new Thread(advisor::close, "shutdown"));
            advisor.join();
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) throw new IllegalArgumentException("missing --" + name);
        return value;
    }
}
