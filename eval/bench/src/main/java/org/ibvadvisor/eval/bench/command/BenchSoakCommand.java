package org.ibvadvisor.eval.bench.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.eval.bench.SoakBench;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor bench soak}. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Minutes of mixed traffic (retrieve, answer, chat with follow-ups, conversations, feedback) from concurrent",
                "clients against the advisor in its own JVM (the launcher's options, no rate limit) with an instant stand-in Ollama:",
                "no call may fail (a 503 with Retry-After is counted apart, and honoured); the heap after a full GC is sampled",
                "every minute (jcmd) and must stay flat."})
final class BenchSoakCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions bench;

    @Mixin
    BenchIndexOptions data;

    @Option(names = "--questions", paramLabel = "FILE", description = "eval questions (JSONL); default: ${DEFAULT-VALUE}")
    Path questions = AdvisorHome.fromSystem().questions();

    @Option(names = "--minutes", paramLabel = "N", description = "length of the soak; default: ${DEFAULT-VALUE}")
    int minutes = 10;

    @Option(names = "--clients", paramLabel = "N", description = "concurrent clients; default: ${DEFAULT-VALUE}")
    int clients = 16;

    @Option(names = "--think-ms", paramLabel = "MIN,MAX", split = ",",
            description = "pause of each client between two calls, uniform in [MIN, MAX] ms (0,0 for a flood); default: ${DEFAULT-VALUE}")
    List<Integer> thinkMs = List.of(50, 250);

    @Override
    public Integer call() {
        List<String> texts = QuestionSet.read(questions, QuestionSet.Split.ALL).stream().map(Question::question).toList();
        BenchOptions.say(clients + " clients for " + minutes + " min against the advisor in its own JVM…");
        if (thinkMs.size() != 2) throw new IllegalArgumentException("--think-ms takes MIN,MAX, e.g. 50,250");
        Path log = AdvisorHome.fromSystem().root().resolve(".cache").resolve("bench").resolve("soak-serve.log");
        SoakBench soak = new SoakBench(data.corpus, data.index(), bench.embeddingModel, texts, clients, minutes,
                java.time.Duration.ofMillis(thinkMs.get(0)), java.time.Duration.ofMillis(thinkMs.get(1)), log, BenchOptions::say);
        SoakBench.Figures figures = soak.measure();
        bench.publish(SoakBench.report(figures, bench.machine, bench.loadBefore, BenchOptions.command(spec)));
        System.out.println("the server's output: " + log);
        return figures.load().failed() == 0 ? 0 : 1;
    }
}
