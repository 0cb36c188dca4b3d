package org.ibvadvisor.eval.bench;

import org.ibvadvisor.eval.metrics.Samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.chunk.StructureChunker;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.index.ContextualText;

/**
 * How one configuration of the ONNX embedder does on this machine: passages a second (the corpus's first 160 chunks,
 * in the ingest's batches of 32) and query latency, alternately on idle cores and with a thread of this JVM keeping
 * one core busy (as anything else running on a small server does). Not a test: the figures in {@code OnnxEmbedder}'s
 * documentation came from it. Run with the eval test class path, e.g.
 * {@code java -Dintra=2 -Druns=2 … org.ibvadvisor.eval.bench.EmbedderConfigProbe <checkout>}
 * ({@code intra}: onnxruntime threads for one text; {@code runs}: parallel runs for several).
 */
public final class EmbedderConfigProbe {
    private static volatile boolean hog;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<String> texts = new ArrayList<>();
        var cleaner = new PdfTextCleaner();
        var chunker = new StructureChunker();
        for (var r : CorpusReader.withDefaultReaders().read(root.resolve("corpus")).reports()) {
            chunker.chunk(r.id(), cleaner.clean(r.text())).stream().map(ContextualText::of).forEach(texts::add);
        }
        List<String> qs = QuestionSet.read(root.resolve("eval/questions/questions.jsonl"), QuestionSet.Split.ALL).stream()
                .map(org.ibvadvisor.eval.questions.Question::question).limit(150).toList();
        List<String> sample = texts.subList(0, 160);
        Thread.ofPlatform().daemon().start(() -> {
            long x = 0;
            while (true) {
                if (hog) x += System.nanoTime() % 7;
                else try { Thread.sleep(1); } catch (InterruptedException e) { return; }
            }
        });
        try (OnnxEmbedder e = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q, Integer.getInteger("intra", 2), 1,
                Integer.getInteger("runs", 2))) {
            e.embedPassages(sample.subList(0, 10));
            for (boolean h : new boolean[] {false, true, false, true}) {
                hog = h;
                long t = System.nanoTime();
                for (int from = 0; from < sample.size(); from += 32) e.embedPassages(sample.subList(from, Math.min(sample.size(), from + 32)));
                double rate = sample.size() / ((System.nanoTime() - t) / 1e9);
                List<Double> q = new ArrayList<>();
                for (String s : qs) {
                    long a = System.nanoTime();
                    e.embedQuery(s);
                    q.add((System.nanoTime() - a) / 1e6);
                }
                System.out.printf("intra=%s runs=%s busy core=%s: passages/s %.1f, query p50 %.2f p90 %.2f (load %.2f)%n",
                        System.getProperty("intra"), System.getProperty("runs"), h, rate,
                        Samples.of(q).p50(), Samples.of(q).percentile(90), Machine.loadAverage());
            }
        }
    }
}
