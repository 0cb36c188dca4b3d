package org.ibvadvisor.eval.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.questions.EvidenceCases;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.eval.run.EvalCase;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * Writes, per question of one split ({@code -Dsplit=dev}), the raw rankings of every signal and the fused top chunks
 * as JSON lines, and every chunk of the index, so that confidence features can be designed offline:
 * {@code RefusalDump <index> <questions.jsonl> <variant> <out dir>}.
 */
public final class RefusalDump {
    public static void main(String[] args) throws IOException {
        String split = System.getProperty("split", "dev");
        List<Question> questions = QuestionSet.read(Path.of(args[1]), QuestionSet.Split.parse(split));
        Path out = Files.createDirectories(Path.of(args[3]));
        ObjectMapper json = new ObjectMapper();
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.byId(System.getProperty("model", "bge-small-zh-v1.5-q")));
             ChunkStore chunks = LuceneChunkStore.open(Path.of(args[0]), IndexSettings.forModel(embedder.modelId(), embedder.dimensions()));
             Writer chunkOut = Files.newBufferedWriter(out.resolve("chunks.jsonl"), StandardCharsets.UTF_8);
             Writer caseOut = Files.newBufferedWriter(out.resolve("cases-" + split + ".jsonl"), StandardCharsets.UTF_8)) {
            Retrievers retrievers = new Retrievers(chunks, embedder);
            for (Chunk chunk : retrievers.catalog().chunks()) {
                chunkOut.write(json.writeValueAsString(Map.of("id", chunk.id(), "section", chunk.sectionPath(), "text", chunk.cleanText(),
                        "words", LexicalField.SMARTCN.terms(chunk.cleanText()))) + "\n");
            }
            Map<String, Object> line = new LinkedHashMap<>();
            Retriever retriever = retrievers.build(Variants.of(args[2]), (query, rankings, fused) -> {
                line.clear();
                line.put("lexical", query.lexicalText());
                line.put("words", LexicalField.SMARTCN.terms(query.lexicalText()));
                Map<String, Object> signals = new LinkedHashMap<>();
                rankings.forEach((name, ranking) -> {
                    List<Object> hits = new ArrayList<>();
                    for (ScoredChunk hit : ranking) hits.add(List.of(hit.chunk().id(), hit.score()));
                    signals.put(name, hits);
                });
                line.put("signals", signals);
                List<Object> top = new ArrayList<>();
                for (Fused f : fused.subList(0, Math.min(10, fused.size()))) top.add(List.of(f.chunk().id(), f.score()));
                line.put("fused", top);
                return 0.5;
            });
            List<Chunk> all = retrievers.catalog().chunks();
            for (EvalCase c : EvidenceCases.of(questions, all)) {
                Retrieval retrieval = retriever.retrieve(RetrievalRequest.of(c.query()));
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", c.id());
                record.put("type", c.type());
                record.put("answerable", c.answerable());
                record.put("query", c.query());
                record.putAll(line);
                List<String> relevantChunks = new ArrayList<>();
                for (Chunk chunk : all) {
                    Passage probe = new Passage(chunk.id(), chunk.reportId(), "", chunk.section(), chunk.text(), chunk.start(), chunk.end(), 0, Map.of());
                    if (c.relevant().test(probe)) relevantChunks.add(chunk.id());
                }
                record.put("relevantChunks", relevantChunks);
                List<Boolean> passageHits = new ArrayList<>();
                for (Passage passage : retrieval.passages()) passageHits.add(c.relevant().test(passage));
                record.put("passageHits", passageHits);
                caseOut.write(json.writeValueAsString(record) + "\n");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
