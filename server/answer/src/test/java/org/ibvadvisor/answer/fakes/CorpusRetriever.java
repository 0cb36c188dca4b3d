package org.ibvadvisor.answer.fakes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import org.ibvadvisor.answer.text.Bigrams;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.UnknownReportException;

/**
 * TEST FAKE retriever over {@link Corpus} passages: ranks them by the share of the query's character bigrams they
 * hold, and reports that share of the best passage as its confidence (or a fixed confidence, for refusal tests).
 * Records every request.
 */
public final class CorpusRetriever implements Retriever {

    private final Corpus corpus;
    private final List<RetrievalRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Integer>> bigrams;
    private volatile Double fixedConfidence;

    public CorpusRetriever(Corpus corpus) {
        this.corpus = corpus;
        this.bigrams = new java.util.HashMap<>();
        corpus.passages().forEach(p -> bigrams.put(p.id(), Bigrams.of(p.text())));
    }

    /** Every following retrieval reports this confidence. */
    public CorpusRetriever confidence(double confidence) {
        this.fixedConfidence = confidence;
        return this;
    }

    public List<RetrievalRequest> requests() {
        return List.copyOf(requests);
    }

    public RetrievalRequest lastRequest() {
        return requests.getLast();
    }

    @Override
    public Retrieval retrieve(RetrievalRequest request) {
        requests.add(request);
        List<String> known = corpus.passages().stream().map(Passage::reportId).distinct().toList();
        List<String> unknown = request.reports().stream().filter(r -> !known.contains(r)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownReportException(java.util.Set.copyOf(unknown));
        }
        Map<String, Integer> query = Bigrams.of(request.query());
        ToDoubleFunction<Passage> score = p -> Bigrams.coverage(query, bigrams.get(p.id()));
        List<Passage> ranked = corpus.passages().stream()
                .filter(p -> request.reports().isEmpty() || request.reports().contains(p.reportId()))
                .sorted(Comparator.comparingDouble(score).reversed())
                .limit(request.k())
                .map(p -> Corpus.withScore(p, score.applyAsDouble(p)))
                .toList();
        double confidence = fixedConfidence != null ? fixedConfidence : ranked.isEmpty() ? 0 : ranked.getFirst().score();
        return new Retrieval(request.query(), ranked, confidence, new Retrieval.Timings(0, 0, 0));
    }
}
