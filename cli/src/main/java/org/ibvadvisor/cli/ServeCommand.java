package org.ibvadvisor.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.http.ApiSettings;
import org.ibvadvisor.http.RateLimit;
import org.ibvadvisor.cli.wiring.Advisor;
import org.ibvadvisor.cli.wiring.AdvisorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor serve}: the chat page and the HTTP API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the advisor: chat page at /, REST API under /api, OpenAI-compatible API under /v1.",
                "Ingests the corpus first when there is no index. Without a reachable LLM it answers extractively.",
                "LLM: one Ollama (--ollama-url, --model), or a pool of backends (--llm)."})
public final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    AdvisorOptions options;

    @Option(names = "--port", paramLabel = "PORT", description = "port; default: ${DEFAULT-VALUE}")
    int port = 7070;

    @Option(names = "--host", paramLabel = "HOST", description = "interface to listen on (0.0.0.0 for all); default: ${DEFAULT-VALUE}")
    String host = "127.0.0.1";

    @Mixin
    SignInOptions signIn;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
            description = "origins allowed to call the API from a browser (CORS is off unless given)")
    List<String> corsOrigins = List.of();

    @Option(names = "--rate-limit", paramLabel = "N",
            description = "requests a minute per user (or client address) before 429, a question counting "
                    + "as 5 (0 = no limit); default: ${DEFAULT-VALUE}")
    int ratePerMinute = 600;

    @Option(names = "--access-log", description = "log a line per request (method, path, status, time, user, client "
            + "address; logger org.ibvadvisor.access); off by default")
    boolean accessLog;

    /**
     * The advisor's configuration from {@code serve}'s options exactly as {@code ./advisor serve ARGS} reads them
     * (environment defaults included): how a benchmark starts the same advisor in its own JVM.
     */
    public static AdvisorConfig config(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.config();
    }

    private AdvisorConfig config() {
        ApiSettings api = ApiSettings.defaults()
                .withCorsOrigins(corsOrigins)
                .withRateLimit(ratePerMinute <= 0 ? RateLimit.none() : RateLimit.perMinute(ratePerMinute))
                .withAccessLog(accessLog);
        return options.config(api, host, port).withAuth(signIn.settings(System.getenv("ADVISOR_OIDC_CLIENT_SECRET")));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (spec.commandLine().getParseResult().hasMatchedOption("--api-key")) {
            System.err.println("advisor: warning: --api-key on the command line is visible to every user of this "
                    + "machine (ps); prefer ADVISOR_API_KEY or --api-key-file");
        }
        long started = System.nanoTime();
        AdvisorConfig config = config();
        try (Advisor advisor = Advisor.start(config, ConsoleProgress.create(System.err))) {
            if (advisor.ingested() != null) {
                System.out.println(IngestSummaryText.describe(advisor.ingested(), options.index));
            }
            System.out.printf("IBV Advisor ready in %.2f s at %s (LLM: %s)%n",
                    (System.nanoTime() - started) / 1e9, advisor.uri(), config.llm().describe());
            Runtime.getRuntime().addShutdownHook(new Thread(advisor::close, "shutdown"));
            advisor.join();
        }
        return 0;
    }
}
