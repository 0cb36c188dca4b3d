package org.ibvadvisor.eval.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.eval.answers.AnswerMarkdown;
import org.ibvadvisor.eval.answers.AnswerReportFiles;
import org.ibvadvisor.eval.answers.AnswerResults;
import org.ibvadvisor.eval.answers.AnswerSuite;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.store.ChunkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Mixin
    EvalSuiteOptions suite;





    @Option(names = "--out", paramLabel = "DIR", description = "where the report files go; default: ${DEFAULT-VALUE}")
    Path out = AdvisorHome.fromSystem().root().resolve("eval").resolve("reports").resolve("answers");


    @Override
    public Integer call() {
        List<Question> set = suite.chosenQuestions();
        try (Embedder embedder = suite.embedder();
             ChunkStore chunks = suite.openIndex(embedder);
             AnswerProgress progress = AnswerProgress.create(System.err)) {
            AnswerResults results = AnswerSuite.run(new Retrievers(chunks, embedder), embedder, set, suite.splitLabel(), progress);
            progress.close();
            System.out.println(results.title());
            System.out.print(AnswerMarkdown.table(results));
            AnswerReportFiles.write(results, out).forEach(file -> System.out.println("wrote " + file));
        }
        return 0;
    }
}
