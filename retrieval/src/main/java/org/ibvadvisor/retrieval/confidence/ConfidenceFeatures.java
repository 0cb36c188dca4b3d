package org.ibvadvisor.retrieval.confidence;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.Signals;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.signal.SearchQuery;

/**
 * What the signals say about how well a query is answered, as numbers the estimator combines.
 *
 * @param sentence       best sentence-window coverage of the query's terms (0..1)
 * @param sentenceMargin best minus second-best sentence coverage
 * @param bigramRatio    best word-signal BM25 score (bigram field, else SmartChinese) over the second best (1 when
 *                       flat), capped at 3
 * @param cosine         best dense cosine similarity
 * @param agreement      how many signals rank the fused top chunk first or second, over the number of signals
 * @param missingNames   share of the query's specific names ({@link QueryNames}: numbers, Latin-script names, Chinese
 *                       proper nouns) found in none of the top {@value #TOP} fused chunks; 0 when it names nothing
 * @param missingCheckedNames the same over the names that can be checked ({@link QueryNames.Missing#checkedShare}):
 *                       all of a Chinese question's; of an English question's only numbers and names with a known
 *                       Chinese form, since the reports write many names in Chinese (CISO 首席信息安全官)
 */
public record ConfidenceFeatures(double sentence, double sentenceMargin, double bigramRatio, double cosine,
                                 double agreement, double missingNames, double missingCheckedNames) {

    /** Fused chunks in which the query's names are looked for. */
    public static final int TOP = 3;

    public static ConfidenceFeatures of(SearchQuery query, Map<String, List<ScoredChunk>> rankings, List<Fused> fused,
                                        QueryNames names) {
        List<ScoredChunk> sentence = rankings.getOrDefault(Signals.SENTENCE, List.of());
        List<ScoredChunk> bigram = rankings.getOrDefault(Signals.BIGRAM, rankings.getOrDefault(Signals.BM25, List.of()));
        List<ScoredChunk> dense = rankings.getOrDefault(Signals.DENSE, List.of());
        double s1 = score(sentence, 0), s2 = score(sentence, 1);
        double b1 = score(bigram, 0), b2 = score(bigram, 1);
        double ratio = b1 == 0 ? 1 : b2 == 0 ? 3 : Math.min(3, b1 / b2);
        String top = fused.isEmpty() ? "" : fused.getFirst().chunk().id();
        int agreeing = 0;
        for (List<ScoredChunk> ranking : rankings.values()) {
            for (int i = 0; i < Math.min(2, ranking.size()); i++) if (ranking.get(i).chunk().id().equals(top)) agreeing++;
        }
        List<Chunk> topChunks = fused.subList(0, Math.min(TOP, fused.size())).stream().map(Fused::chunk).toList();
        QueryNames.Missing missing = names.missing(query, topChunks);
        return new ConfidenceFeatures(s1, s1 - s2, ratio, score(dense, 0),
                rankings.isEmpty() ? 0 : (double) agreeing / rankings.size(), missing.share(), missing.checkedShare());
    }

    private static double score(List<ScoredChunk> ranking, int rank) {
        return ranking.size() > rank ? ranking.get(rank).score() : 0;
    }
}
