package org.ibvadvisor.eval.bench.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.cli.AdvisorHome;
import org.ibvadvisor.eval.bench.LlmPoolBench;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor bench llm-pool}. */
@Command(name = "llm-pool", mixinStandardHelpOptions = true,
        description = {"Start the advisor in this JVM with a pool of 1, 2 and 4 stand-in OpenAI-compatible backends that stream",
                "at a GPU's pace and measure answers per minute through /api/answer (goal: 2 ≥ 1.9×, 4 ≥ 3.6× of one);",
                "then kill one of 4 backends mid-run and count what it cost (no question that had not started streaming may fail)."})
final class BenchLlmPoolCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions bench;

    @Mixin
    BenchIndexOptions data;

    @Option(names = "--questions", paramLabel = "FILE", description = "eval questions (the answerable ones are asked); default: ${DEFAULT-VALUE}")
    Path questions = AdvisorHome.fromSystem().questions();

    @Option(names = "--backends", paramLabel = "N,N…", split = ",", description = "pool sizes measured; default: 1,2,4")
    List<Integer> sizes = List.of(1, 2, 4);

    @Option(names = "--seconds", paramLabel = "S", description = "length of each measured round; default: ${DEFAULT-VALUE}")
    int seconds = 30;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds per pool size (the median is reported); default: ${DEFAULT-VALUE}")
    int rounds = 3;

    @Option(names = "--tokens", paramLabel = "N", description = "tokens of each answer; default: ${DEFAULT-VALUE}")
    int tokens = 120;

    @Option(names = "--tokens-per-second", paramLabel = "N", description = "each backend's pace per answer; default: ${DEFAULT-VALUE}")
    int tokensPerSecond = 40;

    @Option(names = "--parallel", paramLabel = "N", description = "answers each backend streams at once; default: ${DEFAULT-VALUE}")
    int parallel = 2;

    @Option(names = "--kill-seconds", paramLabel = "S", description = "length of the run with 4 backends in which one is killed (0 skips it); default: ${DEFAULT-VALUE}")
    int killSeconds = 60;

    @Option(names = "--machine-note", paramLabel = "TEXT", description = "what else ran on the machine, written with the figures; default: ${DEFAULT-VALUE}")
    String machineNote = "no other benchmark ran at the same time";

    @Override
    public Integer call() {
        List<String> asked = QuestionSet.read(questions, QuestionSet.Split.ALL).stream().filter(Question::answerable)
                .map(Question::question).toList();
        Duration tokenDelay = Duration.ofMillis(Math.max(1, 1000 / tokensPerSecond));
        LlmPoolBench pool = new LlmPoolBench(data.corpus, data.index(), bench.embeddingModel, asked, tokens, tokenDelay,
                parallel);
        List<List<LlmPoolBench.Run>> scaling = new ArrayList<>();
        for (int size : sizes) {
            BenchOptions.say(size + " backend(s): " + rounds + " rounds of " + seconds + " s…");
            List<LlmPoolBench.Run> runs = pool.measure(size, Duration.ofSeconds(seconds), rounds);
            runs.forEach(run -> BenchOptions.say(String.format(java.util.Locale.ROOT, "  %.1f answers/min (%d generated,"
                    + " %d extractive, %d errors)", run.answersPerMinute(), run.generated(), run.extractive(), run.failed())));
            scaling.add(runs);
        }
        int killBackends = sizes.stream().mapToInt(Integer::intValue).max().orElse(4);
        LlmPoolBench.KillRun kill = null;
        if (killSeconds > 0) {
            BenchOptions.say(killBackends + " backends, one killed after " + killSeconds / 3 + " s of " + killSeconds + " s…");
            kill = pool.measureKill(killBackends, Duration.ofSeconds(killSeconds));
        }
        bench.publish(LlmPoolBench.report(scaling, kill, parallel, tokens, tokenDelay, bench.machine, bench.loadBefore,
                BenchOptions.command(spec), machineNote));
        return 0;
    }
}
