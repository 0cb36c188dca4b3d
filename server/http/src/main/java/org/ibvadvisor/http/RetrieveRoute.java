package org.ibvadvisor.http;

import io.javalin.http.Context;
import java.util.Set;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;

/** {@code POST /api/retrieve}: ranked, cited passages for a query. */
final class RetrieveRoute {
    private static final Set<String> FIELDS = Set.of("query", "k", "reports");

    private final Retriever retriever;
    private final ApiJson json;
    private final int maxBodyBytes;

    RetrieveRoute(Retriever retriever, ApiJson json, int maxBodyBytes) {
        this.retriever = retriever;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    void retrieve(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, maxBodyBytes, FIELDS);
        RetrievalRequest request = new RetrievalRequest(
                body.requiredText("query", RetrievalRequest.MAX_QUERY_CHARS, true),
                body.optionalInt("k", RetrievalRequest.DEFAULT_K, 1, RetrievalRequest.MAX_K),
                body.optionalIds("reports"));
        json.reply(ctx, 200, json.retrieval(retriever.retrieve(request)));
    }
}
