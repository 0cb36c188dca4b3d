package org.ibvadvisor.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.UnknownReportException;

/** A retriever over a fixed list of passages: every passage of the allowed reports, in list order, up to k. */
final class FakeRetriever implements Retriever {
    static final Passage AI_ADOPTION = new Passage("r1#3", "r1", "生成式AI的CEO指南", List.of("第一章", "采用"),
            "78%的高管表示将在2025年前扩大生成式AI投资。", 120, 145, 0.91, Map.of("bm25", 1, "dense", 2));
    static final Passage TALENT = new Passage("r1#7", "r1", "生成式AI的CEO指南", List.of("第二章"),
            "人才是最大的瓶颈。", 400, 409, 0.72, Map.of("dense", 1));
    static final Passage DATA = new Passage("r2#1", "r2", "数据与AI", List.of(),
            "Data quality decides outcomes.", 0, 30, 0.55, Map.of("bm25", 4));

    private final List<Passage> passages;
    final List<RetrievalRequest> requests = new CopyOnWriteArrayList<>();

    FakeRetriever() {
        this(List.of(AI_ADOPTION, TALENT, DATA));
    }

    FakeRetriever(List<Passage> passages) {
        this.passages = List.copyOf(passages);
    }

    @Override
    public Retrieval retrieve(RetrievalRequest request) {
        requests.add(request);
        Set<String> known = new HashSet<>();
        passages.forEach(p -> known.add(p.reportId()));
        Set<String> unknown = new HashSet<>(request.reports());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) throw new UnknownReportException(unknown);
        List<Passage> found = new ArrayList<>();
        for (Passage passage : passages) {
            if (found.size() == request.k()) break;
            if (request.reports().isEmpty() || request.reports().contains(passage.reportId())) found.add(passage);
        }
        return new Retrieval(request.query(), found, 0.8, new Retrieval.Timings(1.5, 0.5, 2.25));
    }
}
