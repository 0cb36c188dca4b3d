package org.ibvadvisor.eval.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.report.EvalResults;
import org.ibvadvisor.eval.report.MarkdownReport;
import org.ibvadvisor.eval.report.ReportFiles;
import org.ibvadvisor.eval.run.QuestionSuite;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.store.ChunkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor eval retrieval}: the question set through the retrievers; a table, summary.json, report.md, chart.svg. */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = {"Run the question set through the retrievers and report hit@1/3/5/10, MRR@10 and nDCG@10, overall "
                + "and per question type, and refusal precision/recall of the confidence threshold.",
                "Writes summary.json, report.md and chart.svg into --out. The index is ingested from --corpus first when missing."})
final class EvalRetrievalCommand implements Callable<Integer> {
    @Mixin
    EvalSuiteOptions suite;


    @Option(names = "--k", paramLabel = "N", description = "passages retrieved per question (1-50); default: ${DEFAULT-VALUE}")
    int k = 10;

    @Option(names = "--retrievers", paramLabel = "NAMES", split = ",",
            description = "comma-separated: bm25, bigram, dense, sentence, dense-sentence, hybrid; default: ${DEFAULT-VALUE}")
    List<String> retrievers = List.of("bm25", "dense", "hybrid");




    @Option(names = "--out", paramLabel = "DIR", description = "where the report files go; default: ${DEFAULT-VALUE}")
    Path out = AdvisorHome.fromSystem().root().resolve("eval").resolve("reports").resolve("retrieval");


    @Override
    public Integer call() {
        if (k < 1 || k > 50) throw new IllegalArgumentException("--k must be between 1 and 50, was " + k);
        retrievers.forEach(name -> {
            if (!Retrievers.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown retriever '" + name + "'; known: " + String.join(", ", Retrievers.NAMES));
            }
        });
        List<Question> set = suite.chosenQuestions();
        try (Embedder embedder = suite.embedder(); ChunkStore chunks = suite.openIndex(embedder)) {
            EvalResults results = QuestionSuite.run(new Retrievers(chunks, embedder), set, retrievers, k, suite.splitLabel());
            System.out.println(results.title());
            System.out.print(MarkdownReport.table(results));
            ReportFiles.write(results, out).forEach(file -> System.out.println("wrote " + file));
        }
        return 0;
    }
}
