package org.ibvadvisor.eval.bench.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.eval.bench.IngestBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor bench ingest}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest the whole corpus into fresh temporary indexes (median of --rounds) and run the same batches",
                "through the bare embedder; report the ratio and where the rest of the time goes (goals: ≤ 10 s, ≤ 1.15×)."})
final class BenchIngestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions bench;

    @Option(names = "--corpus", paramLabel = "DIR", description = "reports to ingest; default: ${DEFAULT-VALUE}")
    Path corpus = AdvisorHome.fromSystem().corpus();

    @Option(names = "--rounds", paramLabel = "N", description = "ingests to take the median of; default: ${DEFAULT-VALUE}")
    int rounds = 3;

    @Override
    public Integer call() {
        try (Embedder embedder = Components.embedder(bench.embeddingModel)) {
            IngestBench ingest = new IngestBench(embedder, corpus, rounds);
            BenchOptions.say("ingesting " + corpus + " " + rounds + " times, then the bare embedder on the same batches…");
            bench.publish(ingest.report(ingest.measure(), bench.machine, bench.loadBefore, BenchOptions.command(spec)));
        }
        return 0;
    }
}
