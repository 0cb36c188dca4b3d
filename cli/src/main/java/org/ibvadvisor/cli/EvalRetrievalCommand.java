package org.ibvadvisor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.eval.report.EvalResults;
import org.ibvadvisor.eval.report.MarkdownReport;
import org.ibvadvisor.eval.report.ReportFiles;
import org.ibvadvisor.eval.run.QuestionSuite;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.retrieval.Retrievers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./advisor eval retrieval}: the question set through the retrievers; a table, summary.json, report.md, chart.svg. */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = {"Run the question set through the retrievers and report hit@1/3/5/10, MRR@10 and nDCG@10, overall "
                + "and per question type, and refusal precision/recall of the confidence threshold.",
                "Writes summary.json, report.md and chart.svg into --out. The index is ingested from --corpus first when missing."})
final class EvalRetrievalCommand implements Callable<Integer> {
    @Option(names = "--questions", paramLabel = "FILE", description = "question set (JSONL); default: ${DEFAULT-VALUE}")
    Path questions = AdvisorHome.fromSystem().questions();

    @Option(names = "--k", paramLabel = "N", description = "passages retrieved per question (1-50); default: ${DEFAULT-VALUE}")
    int k = 10;

    @Option(names = "--retrievers", paramLabel = "NAMES", split = ",",
            description = "comma-separated: bm25, bigram, dense, sentence, hybrid; default: ${DEFAULT-VALUE}")
    List<String> retrievers = List.of("bm25", "dense", "hybrid");

    @Option(names = "--split", paramLabel = "SPLIT", description = "dev, test or all; default: ${DEFAULT-VALUE}")
    String split = "all";

    @Option(names = "--index", paramLabel = "DIR", description = "index folder; default: ${DEFAULT-VALUE}")
    Path index = AdvisorHome.fromSystem().index();

    @Option(names = "--corpus", paramLabel = "DIR", description = "reports to ingest when the index is missing; default: ${DEFAULT-VALUE}")
    Path corpus = AdvisorHome.fromSystem().corpus();

    @Option(names = "--out", paramLabel = "DIR", description = "where the report files go; default: ${DEFAULT-VALUE}")
    Path out = AdvisorHome.fromSystem().root().resolve("eval").resolve("reports").resolve("retrieval");

    @Option(names = "--model", paramLabel = "ID", description = "embedding model of the index; default: ${DEFAULT-VALUE}")
    String model = Components.DEFAULT_EMBEDDING_MODEL;

    @Override
    public Integer call() {
        if (k < 1 || k > 50) throw new IllegalArgumentException("--k must be between 1 and 50, was " + k);
        retrievers.forEach(name -> {
            if (!Retrievers.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown retriever '" + name + "'; known: " + String.join(", ", Retrievers.NAMES));
            }
        });
        QuestionSet.Split chosen = QuestionSet.Split.parse(split);
        List<Question> set = QuestionSet.read(questions, chosen);
        try (Embedder embedder = Components.embedder(model)) {
            if (!ChunkIndex.exists(index)) {
                System.err.println("no index at " + index + "; ingesting " + corpus + " first…");
                Components.ingestor(embedder).ingest(corpus, index, false, IngestProgress.NONE);
            }
            try (ChunkIndex chunks = ChunkIndex.open(index, IndexSettings.forModel(embedder.modelId(), embedder.dimensions()))) {
                EvalResults results = QuestionSuite.run(new Retrievers(chunks, embedder), set, retrievers, k,
                        chosen.name().toLowerCase(Locale.ROOT) + " split");
                System.out.println(results.title());
                System.out.print(MarkdownReport.table(results));
                ReportFiles.write(results, out).forEach(file -> System.out.println("wrote " + file));
            }
        }
        return 0;
    }
}
