package org.ibvadvisor.eval.bench.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which index a benchmark serves: by default one built from the corpus once and kept under .cache/bench. */
final class BenchIndexOptions {
    @Option(names = "--corpus", paramLabel = "DIR", description = "reports, ingested when the index is missing; default: ${DEFAULT-VALUE}")
    Path corpus = AdvisorHome.fromSystem().corpus();

    @Option(names = "--index", paramLabel = "DIR", description = "index to serve (built from --corpus when missing); default: .cache/bench/index")
    Path index;

    Path index() {
        return index != null ? index : AdvisorHome.fromSystem().root().resolve(".cache").resolve("bench").resolve("index");
    }
}
