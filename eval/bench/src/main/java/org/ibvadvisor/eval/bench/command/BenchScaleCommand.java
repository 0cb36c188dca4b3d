package org.ibvadvisor.eval.bench.command;

import org.ibvadvisor.cli.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.eval.bench.ScaleBench;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.eval.rgb.RgbData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor bench scale}. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Ingest and retrieve at growing corpus sizes: a synthetic corpus of the RGB-zh passages and varied copies of",
                "the reports, cut at --sizes chunks (goal: retrieve p50 ≤ 20 ms at 50K, ingest growing linearly); writes an SVG plot.",
                "The first run embeds the largest corpus (tens of minutes on 2 cores; vectors are cached in --work for later runs).",
                "Needs a larger heap: ADVISOR_JAVA_OPTS=-Xmx3g ./advisor bench scale"})
final class BenchScaleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions bench;

    @Option(names = "--data", paramLabel = "DIR", description = "folder holding the RGB-zh zh_refine.jsonl (read only); default: ${DEFAULT-VALUE}")
    Path data = AdvisorHome.fromSystem().root().resolve("..").resolve("shared").resolve("benchmarks").resolve("rgb-zh").normalize();

    @Option(names = "--corpus", paramLabel = "DIR", description = "the reports to copy; default: ${DEFAULT-VALUE}")
    Path corpus = AdvisorHome.fromSystem().corpus();

    @Option(names = "--sizes", paramLabel = "N,…", split = ",", description = "corpus sizes in chunks; default: ${DEFAULT-VALUE}")
    List<Integer> sizes = List.of(5_000, 10_000, 25_000, 50_000);

    @Option(names = "--work", paramLabel = "DIR", description = "where synthetic corpora, indexes and the embedding cache go (outside the project); default: ${DEFAULT-VALUE}")
    Path work = Path.of("/tmp", "advisor-bench-scale");

    @Option(names = "--questions", paramLabel = "FILE", description = "eval questions (JSONL); default: ${DEFAULT-VALUE}")
    Path questions = AdvisorHome.fromSystem().questions();

    @Option(names = "--plot", paramLabel = "FILE", description = "SVG plot of latency against size; default: ${DEFAULT-VALUE}")
    Path plot = AdvisorHome.fromSystem().root().resolve("eval").resolve("reports").resolve("bench").resolve("scale.svg");

    @Override
    public Integer call() {
        if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 100)) throw new IllegalArgumentException("--sizes must be ≥ 100 each");
        if (Runtime.getRuntime().maxMemory() < 2L << 30) {
            BenchOptions.say("warning: heap limit " + (Runtime.getRuntime().maxMemory() >> 20) + " MB; "
                    + "50K chunks need ~2 GB: ADVISOR_JAVA_OPTS=-Xmx3g ./advisor bench scale");
        }
        List<String> texts = QuestionSet.read(questions, QuestionSet.Split.ALL).stream().map(Question::question).toList();
        RgbData rgb = RgbData.read(data);
        try (Embedder embedder = Components.embedder(bench.embeddingModel)) {
            ScaleBench scale = new ScaleBench(corpus, rgb.passages(), work, work.resolve("embeddings-" + bench.embeddingModel + ".bin"),
                    embedder, texts, sizes, BenchOptions::say);
            ScaleBench.Figures figures = scale.measure();
            try {
                Files.createDirectories(plot.toAbsolutePath().getParent());
                Files.writeString(plot, ScaleBench.plot(figures), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + plot, e);
            }
            Path root = bench.out.toAbsolutePath().getParent();
            String link = plot.toAbsolutePath().startsWith(root) ? "[" + root.relativize(plot.toAbsolutePath()) + "]("
                    + root.relativize(plot.toAbsolutePath()) + ")" : plot.toString();
            bench.publish(ScaleBench.report(figures, bench.machine, bench.loadBefore, BenchOptions.command(spec), link));
            System.out.println("wrote " + plot);
        }
        return 0;
    }
}
