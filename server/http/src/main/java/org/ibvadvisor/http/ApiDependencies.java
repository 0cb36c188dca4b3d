package org.ibvadvisor.http;

import java.util.List;
import java.util.Objects;
import org.ibvadvisor.answer.Answerer;
import org.ibvadvisor.conversation.ConversationStore;
import org.ibvadvisor.retrieval.Retriever;

/**
 * Everything the HTTP API serves from, passed in once when the server is built.
 *
 * @param retriever     answers {@code POST /api/retrieve}
 * @param answerer      answers {@code /api/answer}, {@code /api/chat} and {@code /v1/chat/completions}
 * @param conversations the stored conversations and feedback (not closed by the server)
 * @param reports       the reports, their starter questions and source texts
 * @param health        what {@code GET /api/health} reports
 * @param settings      limits and switches of the HTTP layer
 * @param domainErrors  extra exception types of the collaborators and the status each maps to (e.g. a store's
 *                      "conversation full" to 409); checked before the built-in mapping
 */
public record ApiDependencies(Retriever retriever, Answerer answerer, ConversationStore conversations,
                              ReportCatalog reports, HealthInfo health, ApiSettings settings,
                              List<ErrorStatus> domainErrors) {
    public ApiDependencies {
        Objects.requireNonNull(retriever, "retriever");
        Objects.requireNonNull(answerer, "answerer");
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(settings, "settings");
        domainErrors = List.copyOf(domainErrors);
    }

    public ApiDependencies(Retriever retriever, Answerer answerer, ConversationStore conversations,
                           ReportCatalog reports, HealthInfo health, ApiSettings settings) {
        this(retriever, answerer, conversations, reports, health, settings, List.of());
    }
}
