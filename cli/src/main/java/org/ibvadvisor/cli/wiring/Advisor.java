package org.ibvadvisor.cli.wiring;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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

    private final Opened opened;
    private final AdvisorCore core;
    private final AdvisorServer server;

    private Advisor(Opened opened, AdvisorCore core, AdvisorServer server) {
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
        // The conversation store opens beside the index and the model.
        Background<H2ConversationStore> opening = Background.start("store-open",
                () -> new H2ConversationStore(config.conversations(), ConversationLimits.defaults()));
        Opened opened = new Opened();
        try {
            AdvisorCore core;
            try {
                core = opened.add(AdvisorCore.open(config, progress));
            } catch (RuntimeException failure) {
                opened.add(() -> opening.get().close()); // waits for it: the caller may open the same files again at once
                throw failure;
            }
            H2ConversationStore store = opened.add(opening.get());
            Answerer answerer = new ConversationalAnswerer(store, core.pipeline(), HISTORY_MESSAGES);
            ApiDependencies dependencies = new ApiDependencies(core.retriever(), answerer, store,
                    new IndexReportCatalog(core.index(), StarterQuestions.bundled()),
                    new AdvisorHealth(core.index().info(), core.llm(),
                            Duration.ofSeconds(30), Clock.systemUTC()),
                    config.api(), domainErrors());
            return new Advisor(opened, core, AdvisorServer.start(dependencies, auth, config.host(), config.port()));
        } catch (RuntimeException e) {
            throw opened.closeAfter(e);
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

    /** Stops the server first, then closes the rest in reverse order; throws what failed to stop the server. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (RuntimeException e) {
            throw opened.closeAfter(e);
        }
        opened.close();
    }
}
