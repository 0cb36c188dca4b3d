package org.ibvadvisor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.ingest.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./advisor ingest}: brings the index up to date with the corpus folder. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Clean, chunk, embed and index the reports.",
                "Incremental: unchanged reports (same content hash) are skipped, changed ones replaced, deleted ones removed.",
                "Atomic: the index changes all at once when the ingest finishes; an interrupted ingest leaves it as it was."})
final class IngestCommand implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "DIR", description = "folder of reports (.txt/.md/.pdf + .meta.json); default: ${DEFAULT-VALUE}")
    Path corpus = AdvisorHome.fromSystem().corpus();

    @Option(names = "--index", paramLabel = "DIR", description = "index folder; default: ${DEFAULT-VALUE}")
    Path index = AdvisorHome.fromSystem().index();

    @Option(names = "--rebuild", description = "start from an empty index (needed after changing the embedding model)")
    boolean rebuild;

    @Option(names = "--model", paramLabel = "ID",
            description = "embedding model: bge-small-zh-v1.5-q (quantized, default) or bge-small-zh-v1.5 (fp32)")
    String model = Components.DEFAULT_EMBEDDING_MODEL;

    @Override
    public Integer call() {
        try (Embedder embedder = Components.embedder(model)) {
            IngestSummary summary = Components.ingestor(embedder)
                    .ingest(corpus, index, rebuild, ConsoleProgress.create(System.err));
            System.out.println(IngestSummaryText.describe(summary, index));
            return 0;
        }
    }
}
