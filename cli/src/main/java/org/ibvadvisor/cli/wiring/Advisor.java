package org.ibvadvisor.cli.wiring;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.ibvadvisor.answer.Answerer;
import org.ibvadvisor.answer.conversation.ConversationalAnswerer;
import org.ibvadvisor.conversation.ConversationFullException;
import org.ibvadvisor.conversation.ConversationLimits;
import org.ibvadvisor.conversation.ConversationNotFoundException;
import org.ibvadvisor.store.h2.H2ConversationStore;
import org.ibvadvisor.conversation.MessageNotFoundException;
import org.ibvadvisor.http.AdvisorServer;
import org.ibvadvisor.http.ApiDependencies;
import org.ibvadvisor.http.ErrorStatus;
import org.ibvadvisor.http.auth.AccessControl;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.cli.keys.FileApiKeys;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.ingest.IngestSummary;

/**
 * The running advisor: the {@link AdvisorCore}, the conversation store and the HTTP server. Closing stops the
 * server first, then closes the rest in reverse order.
 */
public final class Advisor implements AutoCloseable {
    /** Earlier messages of a conversation used to read a follow-up. */
    static final int HISTORY_MESSAGES = 6;

    private final Deque<AutoCloseable> opened;
    private final AdvisorCore core;
    private final AdvisorServer server;

    private Advisor(Deque<AutoCloseable> opened, AdvisorCore core, AdvisorServer server) {
        this.opened = opened;
        this.core = core;
        this.server = server;
    }

    /**
     * Starts the advisor. When {@code config.index()} holds no index, the corpus is ingested first.
     *
     * @param progress hears the ingest, if there is one
     */
    public static Advisor start(AdvisorConfig config, IngestProgress progress) {
        // who may sign in is settled before the slow start: a server that would refuse to listen fails at once
        AuthSettings auth = config.auth().withKeys(new FileApiKeys(config.conversations()));
        AccessControl.check(auth, config.host());
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            // The conversation store opens beside the index and the model.
            Background<H2ConversationStore> opening = Background.start("store-open",
                    () -> new H2ConversationStore(config.conversations(), ConversationLimits.defaults()));
            AdvisorCore core;
            try {
                core = AdvisorCore.remember(opened, AdvisorCore.open(config, progress));
            } catch (RuntimeException failure) {
                try {
                    opening.get().close(); // waits for it: the caller may open the same files again at once
                } catch (RuntimeException alsoFailed) {
                    failure.addSuppressed(alsoFailed);
                }
                throw failure;
            }
            H2ConversationStore store = AdvisorCore.remember(opened, opening.get());
            Answerer answerer = new ConversationalAnswerer(store, core.pipeline(), HISTORY_MESSAGES);
            ApiDependencies dependencies = new ApiDependencies(core.retriever(), answerer, store,
                    new IndexReportCatalog(core.index(), StarterQuestions.bundled()),
                    new AdvisorHealth(core.index().info(), config.ollama().model(), core.generator()::probe,
                            Duration.ofSeconds(30), Clock.systemUTC()),
                    config.api(), domainErrors());
            AdvisorServer server = AdvisorServer.start(dependencies, auth, config.host(), config.port());
            return new Advisor(opened, core, server);
        } catch (RuntimeException e) {
            AdvisorCore.closeAll(opened, e);
            throw e;
        }
    }

    /** How the store's own exceptions reach HTTP clients. */
    static List<ErrorStatus> domainErrors() {
        return List.of(new ErrorStatus(ConversationNotFoundException.class, 404),
                new ErrorStatus(MessageNotFoundException.class, 404),
                new ErrorStatus(ConversationFullException.class, 409));
    }

    public URI uri() {
        return server.uri();
    }

    public int port() {
        return server.port();
    }

    /** What the start-up ingest did, or {@code null} when the index already existed. */
    public IngestSummary ingested() {
        return core.ingested();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            server.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        AdvisorCore.closeAll(opened, failure);
        if (failure != null) throw failure;
    }
}
