package org.ibvadvisor.eval.bench.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.eval.bench.MemoryBench;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor bench memory}. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Start ./advisor serve as its own process over an existing index: time to the first /api/health 200",
                "(goal ≤ 2 s), then resident memory after mixed load against an instant stand-in Ollama (goal ≤ 500 MB)."})
final class BenchMemoryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions bench;

    @Mixin
    BenchIndexOptions data;

    @Option(names = "--questions", paramLabel = "FILE", description = "eval questions (JSONL); default: ${DEFAULT-VALUE}")
    Path questions = AdvisorHome.fromSystem().questions();

    @Option(names = "--rounds", paramLabel = "N", description = "timed starts; default: ${DEFAULT-VALUE}")
    int rounds = 5;

    @Option(names = "--clients", paramLabel = "N", description = "concurrent clients of the load; default: ${DEFAULT-VALUE}")
    int clients = 8;

    @Option(names = "--seconds", paramLabel = "N", description = "length of the load before memory is read; default: ${DEFAULT-VALUE}")
    int seconds = 60;

    @Override
    public Integer call() {
        List<String> texts = QuestionSet.read(questions, QuestionSet.Split.ALL).stream().map(Question::question).toList();
        Path launcher = AdvisorHome.fromSystem().root().resolve("advisor");
        BenchOptions.say(rounds + " starts of " + launcher + " serve, then " + clients + " clients for " + seconds + " s…");
        MemoryBench memory = new MemoryBench(launcher, data.corpus, data.index(), bench.embeddingModel, texts, rounds, clients,
                Duration.ofSeconds(seconds));
        bench.publish(MemoryBench.report(memory.measure(), bench.machine, bench.loadBefore, BenchOptions.command(spec)));
        return 0;
    }
}
