package org.ibvadvisor.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.ingest.Ingestor;

/**
 * A small real index, built once per JVM with the product's pipeline and model from the shortest bundled report
 * (a few dozen chunks, seconds to embed), into {@code target/robustness-index}. Advisors open it read-only.
 */
final class SmallIndex {
    private static Path index;
    private static String reportId;

    private SmallIndex() {
    }

    static synchronized Path path() {
        if (index == null) {
            Path target = Path.of("target", "robustness").toAbsolutePath();
            Path corpus = target.resolve("corpus");
            String stem = shortestReport();
            copy(stem, corpus);
            try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q)) {
                var summary = Ingestor.standard(embedder).ingest(corpus, target.resolve("index"), true, IngestProgress.NONE);
                reportId = summary.added().getFirst();
            }
            index = target.resolve("index");
        }
        return index;
    }

    /** The id of the one report in the index. */
    static synchronized String reportId() {
        path();
        return reportId;
    }

    /** The corpus folder the index was built from. */
    static Path corpus() {
        path();
        return Path.of("target", "robustness", "corpus").toAbsolutePath();
    }

    private static Path bundledCorpus() {
        return Path.of(System.getProperty("advisor.projectDir", "..")).toAbsolutePath().normalize().resolve("corpus");
    }

    private static String shortestReport() {
        try (Stream<Path> files = Files.list(bundledCorpus())) {
            Path shortest = files.filter(f -> f.toString().endsWith(".txt"))
                    .min(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
            String name = shortest.getFileName().toString();
            return name.substring(0, name.length() - ".txt".length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String stem, Path corpus) {
        try {
            if (Files.exists(corpus)) {
                try (Stream<Path> old = Files.list(corpus)) {
                    for (Path file : old.toList()) Files.delete(file);
                }
            }
            Files.createDirectories(corpus);
            for (String suffix : new String[] {".txt", ".meta.json"}) {
                Files.copy(bundledCorpus().resolve(stem + suffix), corpus.resolve(stem + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy report " + stem, e);
        }
    }
}
