package org.ibvadvisor.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Embedding speed of each model over ~300 realistic passages (~300 chars of corpus text each).
 * Run: {@code mvn -pl ingest -am test -Dtest=EmbedderBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dadvisor.bench=true}
 * Optional: {@code -Dadvisor.bench.batch=1,4,16}, {@code -Dadvisor.bench.threads=2}, {@code -Dadvisor.bench.rounds=5}.
 */
@EnabledIfSystemProperty(named = "advisor.bench", matches = "true")
class EmbedderBenchmark {
    @Test
    void measure_chunks_per_second() throws IOException {
        List<String> passages = passages(300, 300);
        int threads = Integer.getInteger("advisor.bench.threads", Runtime.getRuntime().availableProcessors());
        int rounds = Integer.getInteger("advisor.bench.rounds", 5);
        List<Integer> batchSizes = Arrays.stream(System.getProperty("advisor.bench.batch", "1,4,16").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        System.out.printf("%d passages, mean %.0f chars, %d intra-op threads, %d interleaved rounds%n", passages.size(),
                passages.stream().mapToInt(String::length).average().orElse(0), threads, rounds);
        Map<String, OnnxEmbedder> embedders = new LinkedHashMap<>();
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Double>> cpuSeconds = new LinkedHashMap<>();
        try {
            for (EmbeddingModelSpec spec : EmbeddingModelSpec.known()) {
                for (int batchSize : batchSizes) {
                    long loadStart = System.nanoTime();
                    OnnxEmbedder embedder = new OnnxEmbedder(spec, threads, batchSize);
                    String name = "%-20s batch %2d".formatted(spec.id(), batchSize);
                    embedders.put(name, embedder);
                    seconds.put(name, new ArrayList<>());
                    cpuSeconds.put(name, new ArrayList<>());
                    double loadMs = (System.nanoTime() - loadStart) / 1e6;
                    long coldStart = System.nanoTime();
                    embedder.embedPassages(passages); // first sight of every input shape
                    double cold = (System.nanoTime() - coldStart) / 1e9;
                    System.out.printf("%s: loaded in %.0f ms; first pass %.2f s = %.1f chunks/s%n", name, loadMs, cold, passages.size() / cold);
                }
            }
            for (int round = 0; round < rounds; round++) { // interleaved, so that load from elsewhere hits all alike
                for (var entry : embedders.entrySet()) {
                    long cpuStart = cpuNanos();
                    long start = System.nanoTime();
                    entry.getValue().embedPassages(passages);
                    seconds.get(entry.getKey()).add((System.nanoTime() - start) / 1e9);
                    cpuSeconds.get(entry.getKey()).add((cpuNanos() - cpuStart) / 1e9);
                }
            }
            for (var entry : seconds.entrySet()) {
                List<Double> sorted = entry.getValue().stream().sorted().toList();
                double best = sorted.getFirst();
                double median = sorted.get(sorted.size() / 2);
                double cpu = cpuSeconds.get(entry.getKey()).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                System.out.printf("%s: best %.2f s = %.1f chunks/s = %.1f ms/chunk; median %.2f s = %.1f chunks/s; process CPU %.1f ms/chunk%n",
                        entry.getKey(), best, passages.size() / best, 1000 * best / passages.size(), median, passages.size() / median,
                        1000 * cpu / passages.size());
            }
        } finally {
            embedders.values().forEach(OnnxEmbedder::close);
        }
    }

    /** CPU time of the whole process, native onnxruntime threads included. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
