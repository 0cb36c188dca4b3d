package org.ibvadvisor.eval.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.index.ContextualText;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * Embedding speed of each known model on this machine, measured in one process, models alternating round by round:
 * passages per second (the index's chunks as ingest embeds them, batches of 32) and query milliseconds (every question
 * of the set, with the instruction). {@code ModelSpeed <index> <questions> [rounds]}.
 */
public final class ModelSpeed {
    public static void main(String[] args) {
        List<String> passages = new ArrayList<>();
        try (ChunkStore index = LuceneChunkStore.open(Path.of(args[0]), IndexSettings.forModel(EmbeddingModelSpec.BGE_SMALL_ZH_Q.id(), 512))) {
            for (Chunk chunk : ChunkCatalog.load(index).chunks()) passages.add(ContextualText.of(chunk));
        }
        List<Question> questions = QuestionSet.read(Path.of(args[1]), QuestionSet.Split.ALL);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<EmbeddingModelSpec> specs = EmbeddingModelSpec.known();
        List<OnnxEmbedder> embedders = specs.stream().map(OnnxEmbedder::new).toList();
        try {
            for (OnnxEmbedder embedder : embedders) { // warm-up
                embedder.embedPassages(passages.subList(0, 32));
                for (int i = 0; i < 20; i++) embedder.embedQuery(questions.get(i).question());
            }
            double[][] passageRate = new double[specs.size()][rounds];
            List<List<Double>> queryMs = new ArrayList<>();
            specs.forEach(s -> queryMs.add(new ArrayList<>()));
            for (int round = 0; round < rounds; round++) {
                for (int m = 0; m < specs.size(); m++) {
                    OnnxEmbedder embedder = embedders.get(m);
                    long started = System.nanoTime();
                    for (int from = 0; from < passages.size(); from += 32) {
                        embedder.embedPassages(passages.subList(from, Math.min(passages.size(), from + 32)));
                    }
                    passageRate[m][round] = passages.size() / ((System.nanoTime() - started) / 1e9);
                    for (Question question : questions) {
                        long t = System.nanoTime();
                        embedder.embedQuery(question.question());
                        queryMs.get(m).add((System.nanoTime() - t) / 1e6);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%d passages, %d queries, %d rounds, %d cores%n", passages.size(), questions.size(), rounds,
                    Runtime.getRuntime().availableProcessors());
            for (int m = 0; m < specs.size(); m++) {
                double[] ms = queryMs.get(m).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "| %s | %.1f passages/s (rounds %s) | query p50 %.2f ms, p90 %.2f ms |%n", specs.get(m).id(),
                        Arrays.stream(passageRate[m]).max().orElse(0), Arrays.toString(Arrays.stream(passageRate[m]).map(r -> Math.round(r * 10) / 10.0).toArray()),
                        ms[ms.length / 2], ms[(int) (ms.length * 0.9)]);
            }
        } finally {
            embedders.forEach(OnnxEmbedder::close);
        }
    }
}
