package org.ibvadvisor.eval.bench.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.eval.bench.BenchServer;
import org.ibvadvisor.eval.bench.RetrieveBench;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor bench retrieve}. */
@Command(name = "retrieve", mixinStandardHelpOptions = true,
        description = {"Start the advisor in this JVM (no rate limit) and measure warm /api/retrieve over the eval questions:",
                "server-side totalMs, query embedding alone, client latency over loopback, and requests/s with concurrent clients."})
final class BenchRetrieveCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions bench;

    @Mixin
    BenchIndexOptions data;

    @Option(names = "--questions", paramLabel = "FILE", description = "eval questions (JSONL); default: ${DEFAULT-VALUE}")
    Path questions = AdvisorHome.fromSystem().questions();

    @Option(names = "--rounds", paramLabel = "N", description = "measured rounds over the questions; default: ${DEFAULT-VALUE}")
    int rounds = 5;

    @Option(names = "--clients", paramLabel = "N", description = "concurrent clients for the throughput run; default: ${DEFAULT-VALUE}")
    int clients = 8;

    @Option(names = "--seconds", paramLabel = "N", description = "length of the throughput run; default: ${DEFAULT-VALUE}")
    int seconds = 20;

    @Override
    public Integer call() {
        List<String> texts = QuestionSet.read(questions, QuestionSet.Split.ALL).stream().map(Question::question).toList();
        try (BenchServer server = BenchServer.inProcess(data.corpus, data.index(), bench.embeddingModel, 40);
             Embedder embedder = Components.embedder(bench.embeddingModel)) {
            BenchOptions.say("advisor at " + server.uri() + "; " + texts.size() + " questions × " + rounds
                    + " rounds, then " + clients + " clients for " + seconds + " s…");
            RetrieveBench retrieve = new RetrieveBench(server.uri(), embedder, texts, rounds, clients, Duration.ofSeconds(seconds));
            bench.publish(RetrieveBench.report(retrieve.measure(), bench.machine, bench.loadBefore, BenchOptions.command(spec)));
        }
        return 0;
    }
}
