package org.ibvadvisor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.eval.answers.AnswerMarkdown;
import org.ibvadvisor.eval.answers.AnswerReportFiles;
import org.ibvadvisor.eval.answers.AnswerResults;
import org.ibvadvisor.eval.answers.AnswerSuite;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.retrieval.Retrievers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./advisor eval answers}: the question set through the answer pipeline with no LLM; summary.json, report.md. */
@Command(name = "answers", mixinStandardHelpOptions = true,
        description = {"Put every question of the set to the answer pipeline, with no LLM reachable (so answers are "
                + "extractive or refusals), and report: the share of answerable questions whose answer text or quotes hold "
                + "their evidence, refusal precision and recall on the unanswerable ones, whether every citation quotes the "
                + "report source exactly at its span, and answer latency (p50, p90); overall, per split, question type and "
                + "language.",
                "Writes summary.json and report.md (with every failed question) into --out. The index is ingested from "
                        + "--corpus first when missing."})
final class EvalAnswersCommand implements Callable<Integer> {
    @Option(names = "--questions", paramLabel = "FILE", description = "question set (JSONL); default: ${DEFAULT-VALUE}")
    Path questions = AdvisorHome.fromSystem().questions();

    @Option(names = "--split", paramLabel = "SPLIT", description = "dev, test or all; default: ${DEFAULT-VALUE}")
    String split = "all";

    @Option(names = "--index", paramLabel = "DIR", description = "index folder; default: ${DEFAULT-VALUE}")
    Path index = AdvisorHome.fromSystem().index();

    @Option(names = "--corpus", paramLabel = "DIR", description = "reports to ingest when the index is missing; default: ${DEFAULT-VALUE}")
    Path corpus = AdvisorHome.fromSystem().corpus();

    @Option(names = "--out", paramLabel = "DIR", description = "where the report files go; default: ${DEFAULT-VALUE}")
    Path out = AdvisorHome.fromSystem().root().resolve("eval").resolve("reports").resolve("answers");

    @Option(names = "--model", paramLabel = "ID", description = "embedding model of the index; default: ${DEFAULT-VALUE}")
    String model = Components.DEFAULT_EMBEDDING_MODEL;

    @Override
    public Integer call() {
        QuestionSet.Split chosen = QuestionSet.Split.parse(split);
        List<Question> set = QuestionSet.read(questions, chosen);
        try (Embedder embedder = Components.embedder(model)) {
            if (!ChunkIndex.exists(index)) {
                System.err.println("no index at " + index + "; ingesting " + corpus + " first…");
                Components.ingestor(embedder).ingest(corpus, index, false, IngestProgress.NONE);
            }
            try (ChunkIndex chunks = ChunkIndex.open(index, IndexSettings.forModel(embedder.modelId(), embedder.dimensions()));
                 AnswerProgress progress = AnswerProgress.create(System.err)) {
                String label = chosen == QuestionSet.Split.ALL ? "all splits" : chosen.name().toLowerCase(Locale.ROOT) + " split";
                AnswerResults results = AnswerSuite.run(new Retrievers(chunks, embedder), embedder, set, label, progress);
                progress.close();
                System.out.println(results.title());
                System.out.print(AnswerMarkdown.table(results));
                AnswerReportFiles.write(results, out).forEach(file -> System.out.println("wrote " + file));
            }
        }
        return 0;
    }
}
