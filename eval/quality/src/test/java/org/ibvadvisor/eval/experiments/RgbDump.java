package org.ibvadvisor.eval.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.rgb.RgbData;
import org.ibvadvisor.eval.rgb.RgbPool;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.store.ChunkStore;

/**
 * Writes, per RGB query, every signal's raw ranking (depth {@code -Ddepth}, default 60) and the query's positives, plus
 * the text of every chunk any ranking returned, so that fusion can be studied offline:
 * {@code RgbDump <data dir> <cache dir> <variant> <out dir>}.
 */
public final class RgbDump {
    public static void main(String[] args) throws IOException {
        RgbData data = RgbData.read(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[3]));
        ObjectMapper json = new ObjectMapper();
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
             ChunkStore pool = RgbPool.open(data, Path.of(args[1]), embedder, RgbPool.Progress.NONE);
             Writer caseOut = Files.newBufferedWriter(out.resolve("rgb-cases.jsonl"), StandardCharsets.UTF_8);
             Writer chunkOut = Files.newBufferedWriter(out.resolve("rgb-chunks.jsonl"), StandardCharsets.UTF_8)) {
            Retrievers retrievers = new Retrievers(pool, embedder);
            Map<String, Object> line = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            Retriever retriever = retrievers.build(Variants.of(args[2]).withDepth(Integer.getInteger("depth", 60)), (query, rankings, fused) -> {
                line.clear();
                line.put("lexical", query.lexicalText());
                Map<String, Object> signals = new LinkedHashMap<>();
                rankings.forEach((name, ranking) -> {
                    List<Object> hits = new ArrayList<>();
                    for (ScoredChunk hit : ranking) {
                        hits.add(List.of(hit.chunk().reportId(), hit.score()));
                        if (seen.add(hit.chunk().reportId())) {
                            try {
                                chunkOut.write(json.writeValueAsString(Map.of("id", hit.chunk().reportId(), "text", hit.chunk().cleanText())) + "\n");
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }
                    signals.put(name, hits);
                });
                line.put("signals", signals);
                return 0.5;
            });
            for (RgbData.RgbQuery q : data.queries()) {
                retriever.retrieve(RetrievalRequest.of(q.query()));
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", q.id());
                record.put("query", q.query());
                record.put("positives", q.positives());
                record.putAll(line);
                caseOut.write(json.writeValueAsString(record) + "\n");
            }
        }
    }
}
