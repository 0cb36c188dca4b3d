package org.ibvadvisor.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Embedding speed of each model over ~300 realistic passages (~300 chars of corpus text each).
 * Run: {@code mvn -pl ingest -am test -Dtest=EmbedderBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dadvisor.bench=true}
 * Optional: {@code -Dadvisor.bench.batch=1,8,32}, {@code -Dadvisor.bench.threads=2}.
 */
@EnabledIfSystemProperty(named = "advisor.bench", matches = "true")
class EmbedderBenchmark {
    @Test
    void measure_chunks_per_second() throws IOException {
        List<String> passages = passages(300, 300);
        int threads = Integer.getInteger("advisor.bench.threads", Runtime.getRuntime().availableProcessors());
        String batches = System.getProperty("advisor.bench.batch", "1,8,32");
        System.out.printf("%d passages, mean %.0f chars, %d intra-op threads%n", passages.size(),
                passages.stream().mapToInt(String::length).average().orElse(0), threads);
        for (EmbeddingModelSpec spec : EmbeddingModelSpec.known()) {
            for (String batch : batches.split(",")) {
                int batchSize = Integer.parseInt(batch.trim());
                long loadStart = System.nanoTime();
                try (OnnxEmbedder embedder = new OnnxEmbedder(spec, threads, batchSize)) {
                    double loadMs = (System.nanoTime() - loadStart) / 1e6;
                    embedder.embedPassages(passages.subList(0, 40)); // warm-up
                    List<Double> runs = new ArrayList<>();
                    for (int run = 0; run < 3; run++) {
                        long start = System.nanoTime();
                        embedder.embedPassages(passages);
                        runs.add((System.nanoTime() - start) / 1e9);
                    }
                    double best = runs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                    double median = runs.stream().sorted().toList().get(1);
                    System.out.printf("%-20s batch %2d: load %5.0f ms, median %.2f s = %.1f chunks/s = %.1f ms/chunk (best %.2f s)%n",
                            spec.id(), batchSize, loadMs, median, passages.size() / median, 1000 * median / passages.size(), best);
                }
            }
        }
    }

    /** Corpus text cut into pieces of about {@code length} chars at line ends. */
    static List<String> passages(int count, int length) throws IOException {
        Path corpus = Path.of(System.getProperty("advisor.projectDir", "..")).resolve("corpus");
        List<String> pieces = new ArrayList<>();
        try (var files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                StringBuilder piece = new StringBuilder();
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) continue;
                    piece.append(line.strip());
                    if (piece.length() >= length) {
                        pieces.add(piece.substring(0, Math.min(piece.length(), length + 60)));
                        piece.setLength(0);
                    }
                }
            }
        }
        return pieces.subList(0, Math.min(count, pieces.size()));
    }
}
