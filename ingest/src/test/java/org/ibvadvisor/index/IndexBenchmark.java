package org.ibvadvisor.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Corpus;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole bundled corpus, cut into ~300-char runs of paragraphs (a stand-in for the chunker), embedded with the
 * quantized model and indexed: embedding vs. writing time, index size on disk, search latency.
 * Run: {@code mvn -pl ingest -am test -Dtest=IndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dadvisor.bench=true}
 */
@EnabledIfSystemProperty(named = "advisor.bench", matches = "true")
class IndexBenchmark {
    @TempDir
    Path folder;

    @Test
    void measure_the_whole_corpus() throws IOException {
        Corpus corpus = ParagraphChunks.bundledCorpus();
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q)) {
            IndexSettings settings = IndexSettings.forModel(embedder.modelId(), embedder.dimensions());
            long embedNanos = 0;
            long writeNanos = 0;
            int chunkCount = 0;
            long chars = 0;
            long start = System.nanoTime();
            try (ChunkIndexWriter writer = ChunkIndexWriter.rebuild(folder, settings)) {
                for (Report report : corpus.reports()) {
                    List<Chunk> chunks = merged(report, 300);
                    chunkCount += chunks.size();
                    chars += chunks.stream().mapToInt(c -> c.text().length()).sum();
                    long t0 = System.nanoTime();
                    List<float[]> vectors = new ArrayList<>();
                    for (int i = 0; i < chunks.size(); i += 32) {
                        vectors.addAll(embedder.embedPassages(chunks.subList(i, Math.min(chunks.size(), i + 32)).stream()
                                .map(ContextualText::of).toList()));
                    }
                    long t1 = System.nanoTime();
                    writer.upsertReport(report, chunks, vectors);
                    writeNanos += System.nanoTime() - t1;
                    embedNanos += t1 - t0;
                }
                long t2 = System.nanoTime();
                writer.commit();
                writeNanos += System.nanoTime() - t2;
            }
            double total = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d reports, %d chunks (mean %.0f chars): embed %.1f s (%.1f chunks/s), index+commit %.2f s, total %.1f s%n",
                    corpus.reports().size(), chunkCount, (double) chars / chunkCount, embedNanos / 1e9,
                    chunkCount / (embedNanos / 1e9), writeNanos / 1e9, total);
            System.out.printf("index size on disk: %.2f MB (%d files)%n", size(folder) / 1e6, count(folder));
            try (ChunkIndex index = ChunkIndex.open(folder, settings)) {
                String question = "生成式 AI 的计算成本为什么会急剧上升？";
                float[] q = embedder.embedQuery(question);
                for (int i = 0; i < 50; i++) {
                    index.searchVector(q, 10, null);
                    index.searchText(LexicalField.SMARTCN, question, 10, null);
                    index.searchText(LexicalField.BIGRAM, question, 10, null);
                }
                int runs = 200;
                long t = System.nanoTime();
                for (int i = 0; i < runs; i++) index.searchVector(q, 10, null);
                double knn = (System.nanoTime() - t) / 1e6 / runs;
                t = System.nanoTime();
                for (int i = 0; i < runs; i++) index.searchText(LexicalField.SMARTCN, question, 10, null);
                double smartcn = (System.nanoTime() - t) / 1e6 / runs;
                t = System.nanoTime();
                for (int i = 0; i < runs; i++) index.searchText(LexicalField.BIGRAM, question, 10, null);
                double bigram = (System.nanoTime() - t) / 1e6 / runs;
                t = System.nanoTime();
                for (int i = 0; i < 20; i++) embedder.embedQuery(question);
                double embedQuery = (System.nanoTime() - t) / 1e6 / 20;
                System.out.printf("per query: embed %.1f ms, knn top-10 %.2f ms, bm25 smartcn %.2f ms, bm25 bigram %.2f ms%n",
                        embedQuery, knn, smartcn, bigram);
            }
        }
    }

    /** Consecutive paragraphs merged until each chunk has at least {@code length} chars (exact source spans). */
    static List<Chunk> merged(Report report, int length) {
        List<Chunk> paragraphs = ParagraphChunks.of(report, Integer.MAX_VALUE, 1);
        List<Chunk> chunks = new ArrayList<>();
        int i = 0;
        while (i < paragraphs.size()) {
            Chunk first = paragraphs.get(i);
            StringBuilder clean = new StringBuilder(first.cleanText());
            Chunk last = first;
            while (clean.length() < length && i + 1 < paragraphs.size()) {
                last = paragraphs.get(++i);
                clean.append(last.cleanText());
            }
            i++;
            chunks.add(new Chunk(null, report.id(), last.section(), chunks.size(),
                    report.text().substring(first.start(), last.end()), clean.toString(), first.start(), last.end()));
        }
        return chunks;
    }

    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
