package org.ibvadvisor.store.h2;

import org.ibvadvisor.conversation.*;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ConversationStoreConcurrencyTest {
    private static final int THREADS = 6;
    private static final int APPENDS_PER_THREAD = 40;

    @TempDir
    Path directory;

    @Test
    void appends_from_many_threads_lose_no_message_and_keep_each_threads_order_while_readers_see_whole_snapshots()
            throws Exception {
        ConversationLimits limits = new ConversationLimits(200, 10_000, 10_000, 10_000, 100);
        try (H2ConversationStore store = new H2ConversationStore(directory, limits)) {
            Conversation shared = store.create("shared");
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<List<Message>>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(() -> {
                    start.await();
                    Conversation own = store.create(null);
                    List<Message> appended = new ArrayList<>();
                    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                        Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
                        appended.add(store.appendMessage(shared.id(), role, "t" + thread + " m" + i, null));
                        store.appendMessage(own.id(), role, "own m" + i, "{}");
                        if (i % 10 == 0) store.list(5, 0);
                    }
                    return appended;
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            List<Future<List<Message>>> results;
            try {
                results = writers.stream().map(pool::submit).toList();
                Future<Integer> reader = pool.submit(() -> {
                    int reads = 0;
                    start.await();
                    while (results.stream().anyMatch(r -> !r.isDone())) {
                        ConversationWithMessages snapshot = store.get(shared.id()).orElseThrow();
                        assertEquals(snapshot.messages().size(), snapshot.conversation().messageCount(),
                                "count and messages of one read disagree");
                        reads++;
                    }
                    return reads;
                });
                start.countDown();
                for (Future<List<Message>> result : results) result.get(60, TimeUnit.SECONDS);
                System.out.println("snapshot reads during appends: " + reader.get(60, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }

            ConversationWithMessages read = store.get(shared.id()).orElseThrow();
            Set<String> appendedIds = new HashSet<>();
            for (Future<List<Message>> result : results) result.get().forEach(m -> appendedIds.add(m.id()));
            Set<String> storedIds = read.messages().stream().map(Message::id).collect(Collectors.toSet());

            assertEquals(THREADS * APPENDS_PER_THREAD, appendedIds.size());
            assertEquals(appendedIds, storedIds);
            assertEquals(read.messages().size(), read.conversation().messageCount());
            Map<String, List<String>> byThread = read.messages().stream().collect(Collectors.groupingBy(
                    m -> m.content().split(" ")[0], Collectors.mapping(Message::content, Collectors.toList())));
            for (int t = 0; t < THREADS; t++) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < APPENDS_PER_THREAD; i++) expected.add("t" + t + " m" + i);
                assertEquals(expected, byThread.get("t" + t), "order of thread " + t);
            }
            assertEquals(THREADS + 1, store.list(100, 0).size());
            store.list(100, 0).stream().filter(c -> !c.id().equals(shared.id()))
                    .forEach(c -> assertEquals(APPENDS_PER_THREAD, c.messageCount()));
        }
    }
}
