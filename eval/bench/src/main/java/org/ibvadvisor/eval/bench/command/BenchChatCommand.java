package org.ibvadvisor.eval.bench.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.eval.bench.BenchServer;
import org.ibvadvisor.eval.bench.ChatBench;
import org.ibvadvisor.eval.bench.InProcessServer;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor bench chat}. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Start the advisor in this JVM against an Ollama stand-in that answers instantly and measure /api/chat:",
                "server time before the first token (goal p50 ≤ 15 ms) and the stream's tokens/s through the server vs. the stand-in alone."})
final class BenchChatCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions bench;

    @Mixin
    BenchIndexOptions data;

    @Option(names = "--questions", paramLabel = "FILE", description = "eval questions (JSONL; the answerable ones are asked); default: ${DEFAULT-VALUE}")
    Path questions = AdvisorHome.fromSystem().questions();

    @Option(names = "--count", paramLabel = "N", description = "questions asked per round; default: ${DEFAULT-VALUE}")
    int count = 80;

    @Option(names = "--rounds", paramLabel = "N", description = "measured rounds; default: ${DEFAULT-VALUE}")
    int rounds = 2;

    @Option(names = "--tokens", paramLabel = "N", description = "tokens of the stand-in's answer for the latency rows; default: ${DEFAULT-VALUE}")
    int tokens = 40;

    @Option(names = "--long-tokens", paramLabel = "N", description = "tokens of the answer streamed for throughput; default: ${DEFAULT-VALUE}")
    int longTokens = 1000;

    @Override
    public Integer call() {
        List<String> asked = QuestionSet.read(questions, QuestionSet.Split.ALL).stream().filter(Question::answerable)
                .map(Question::question).limit(count).toList();
        try (InProcessServer server = BenchServer.inProcess(data.corpus, data.index(), bench.embeddingModel, tokens)) {
            BenchOptions.say("advisor at " + server.uri() + ", stand-in Ollama at " + server.ollama().baseUrl() + "; "
                    + asked.size() + " questions × " + rounds + " rounds…");
            ChatBench chat = new ChatBench(server, asked, rounds, longTokens);
            bench.publish(ChatBench.report(chat.measure(), bench.machine, bench.loadBefore, BenchOptions.command(spec)));
        }
        return 0;
    }
}
