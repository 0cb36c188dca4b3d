package org.ibvadvisor.eval.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.eval.report.EvalResults;
import org.ibvadvisor.eval.report.MarkdownReport;
import org.ibvadvisor.eval.report.ReportFiles;
import org.ibvadvisor.eval.rgb.RgbData;
import org.ibvadvisor.eval.rgb.RgbPool;
import org.ibvadvisor.eval.rgb.RgbSuite;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.store.ChunkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./advisor eval rgb}: the RGB-zh benchmark pooled into one index and run through the same retrievers. */
@Command(name = "rgb", mixinStandardHelpOptions = true,
        description = {"Pool the RGB-zh passages into one index (cached by data hash; the first run embeds ~7,300 passages, "
                + "a few minutes), run every query against the whole pool and report hit@k, MRR@10 and nDCG@10.",
                "Writes summary.json, report.md and chart.svg into --out."})
final class EvalRgbCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "folder holding zh_refine.jsonl; default: ${DEFAULT-VALUE}")
    Path data = AdvisorHome.fromSystem().root().resolve("..").resolve("shared").resolve("benchmarks").resolve("rgb-zh").normalize();

    @Option(names = "--out", paramLabel = "DIR", description = "where the report files go; default: ${DEFAULT-VALUE}")
    Path out = AdvisorHome.fromSystem().root().resolve("eval").resolve("reports").resolve("rgb");

    @Option(names = "--cache", paramLabel = "DIR", description = "where the pooled index is kept; default: ${DEFAULT-VALUE}")
    Path cache = AdvisorHome.fromSystem().root().resolve(".cache").resolve("rgb");

    @Option(names = "--retrievers", paramLabel = "NAMES", split = ",",
            description = "comma-separated: bm25, bigram, dense, sentence, hybrid; default: ${DEFAULT-VALUE}")
    List<String> retrievers = List.of("bm25", "bigram", "dense", "hybrid");

    @Option(names = "--k", paramLabel = "N", description = "passages retrieved per query (1-50); default: ${DEFAULT-VALUE}")
    int k = 10;

    @Option(names = "--model", paramLabel = "ID", description = "embedding model; default: ${DEFAULT-VALUE}")
    String model = Components.DEFAULT_EMBEDDING_MODEL;

    @Override
    public Integer call() {
        if (k < 1 || k > 50) throw new IllegalArgumentException("--k must be between 1 and 50, was " + k);
        retrievers.forEach(name -> {
            if (!Retrievers.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown retriever '" + name + "'; known: " + String.join(", ", Retrievers.NAMES));
            }
        });
        RgbData rgb = RgbData.read(data);
        try (Embedder embedder = Components.embedder(model);
             ChunkStore pool = RgbPool.open(rgb, cache, embedder, (done, total) -> {
                 if (done % 1024 < 64 || done == total) System.err.println("embedded " + done + "/" + total + " RGB passages");
             })) {
            EvalResults results = RgbSuite.run(new Retrievers(pool, embedder), rgb, retrievers, k);
            System.out.println(results.title());
            System.out.print(MarkdownReport.table(results));
            ReportFiles.write(results, out).forEach(file -> System.out.println("wrote " + file));
        }
        return 0;
    }
}
