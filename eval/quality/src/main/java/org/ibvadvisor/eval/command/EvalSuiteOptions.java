package org.ibvadvisor.eval.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;
import org.ibvadvisor.ingest.IngestProgress;
import picocli.CommandLine.Option;

/** What the quality suites over the team's question set share: the questions, the split, and the index they read. */
final class EvalSuiteOptions {
    @Option(names = "--questions", paramLabel = "FILE", description = "question set (JSONL); default: ${DEFAULT-VALUE}")
    Path questions = AdvisorHome.fromSystem().questions();

    @Option(names = "--split", paramLabel = "SPLIT", description = "dev, test or all; default: ${DEFAULT-VALUE}")
    String split = "all";

    @Option(names = "--index", paramLabel = "DIR", description = "index folder; default: ${DEFAULT-VALUE}")
    Path index = AdvisorHome.fromSystem().index();

    @Option(names = "--corpus", paramLabel = "DIR", description = "reports to ingest when the index is missing; default: ${DEFAULT-VALUE}")
    Path corpus = AdvisorHome.fromSystem().corpus();

    @Option(names = "--model", paramLabel = "ID", description = "embedding model of the index; default: ${DEFAULT-VALUE}")
    String model = Components.DEFAULT_EMBEDDING_MODEL;

    QuestionSet.Split chosenSplit() {
        return QuestionSet.Split.parse(split);
    }

    /** The questions of the chosen split. */
    List<Question> chosenQuestions() {
        return QuestionSet.read(questions, chosenSplit());
    }

    /** "dev split", "test split" or "all splits", for report titles. */
    String splitLabel() {
        QuestionSet.Split chosen = chosenSplit();
        return chosen == QuestionSet.Split.ALL ? "all splits" : chosen.name().toLowerCase(Locale.ROOT) + " split";
    }

    /** The embedder of {@code --model}; the caller closes it. */
    Embedder embedder() {
        return Components.embedder(model);
    }

    /** Opens the index, ingesting {@code --corpus} into it first when there is none. */
    ChunkStore openIndex(Embedder embedder) {
        if (!ChunkIndex.exists(index)) {
            System.err.println("no index at " + index + "; ingesting " + corpus + " first…");
            Components.ingestor(embedder).ingest(corpus, index, false, IngestProgress.NONE);
        }
        return LuceneChunkStore.open(index, IndexSettings.forModel(embedder.modelId(), embedder.dimensions()));
    }
}
