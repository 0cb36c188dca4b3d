package org.ibvadvisor.store.h2;

import org.ibvadvisor.conversation.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a process appending to the store: every append it saw return is there after a restart. */
class H2ConversationStoreCrashTest {
    static final ConversationLimits LIMITS = new ConversationLimits(200, 1_000_000, 100_000, 10_000, 100);
    private static final int ROUNDS = 3;
    private static final int COMMITS_BEFORE_KILL = 120;
    private static final String END = "\u0000end";

    @TempDir
    Path temp;

    @Test
    void a_killed_writer_loses_at_most_the_message_in_flight_and_the_store_reopens() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("crash test seed " + seed);
        Random random = new Random(seed);
        Path directory = temp.resolve("store");
        String conversationId = "new";
        List<String> committed = new ArrayList<>();

        for (int round = 1; round <= ROUNDS; round++) {
            Path errors = temp.resolve("child-" + round + ".err");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    CrashingAppender.class.getName(), directory.toString(), conversationId,
                    Long.toString(random.nextLong()))
                    .redirectError(errors.toFile())
                    .start();
            BlockingQueue<String> lines = readLines(child);
            try {
                conversationId = awaitCommits(lines, committed, errors, conversationId);
                if (round == 1) {
                    ConversationStoreException locked = assertThrows(ConversationStoreException.class,
                            () -> new H2ConversationStore(directory, LIMITS));
                    assertTrue(locked.getMessage().contains("already open in another process"), locked.getMessage());
                }
                Thread.sleep(random.nextInt(40));
            } finally {
                // SIGKILL through the handle: Process.destroyForcibly would also close our end of the child's
                // stdout and drop the last lines it reported.
                child.toHandle().destroyForcibly();
                assertTrue(child.waitFor(20, TimeUnit.SECONDS), "child did not die");
            }
            for (String line = lines.take(); !line.equals(END); line = lines.take()) record(line, committed);

            try (H2ConversationStore store = new H2ConversationStore(directory, LIMITS)) {
                String lost = "conversation " + conversationId + " lost in round " + round + " (seed " + seed + ")";
                ConversationWithMessages read = store.get(conversationId).orElseThrow(() -> new AssertionError(lost));
                List<String> stored = read.messages().stream().map(Message::id).toList();
                Set<String> missing = new HashSet<>(committed);
                stored.forEach(missing::remove);
                assertTrue(missing.isEmpty(), missing.size() + " of " + committed.size()
                        + " committed messages lost in round " + round + " (seed " + seed + ")");
                int inFlight = stored.size() - committed.size();
                assertTrue(inFlight == 0 || inFlight == 1, inFlight + " messages beyond those reported");
                assertEquals(committed, stored.subList(0, committed.size()), "order");
                assertEquals(stored.size(), read.conversation().messageCount());
                // The next round goes on from what is stored, as a restarted server would.
                committed = new ArrayList<>(stored);
            }
        }
    }

    private static String awaitCommits(BlockingQueue<String> lines, List<String> committed, Path errors,
                                       String conversationId) throws Exception {
        int target = committed.size() + COMMITS_BEFORE_KILL;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (committed.size() < target) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                fail("child " + (line == null ? "too slow" : "ended") + ":\n" + Files.readString(errors));
            }
            if (line.startsWith("conversation ")) conversationId = line.substring("conversation ".length());
            record(line, committed);
        }
        return conversationId;
    }

    private static void record(String line, List<String> committed) {
        if (line.startsWith("committed ")) committed.add(line.substring("committed ".length()));
    }

    private static BlockingQueue<String> readLines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
            } catch (IOException e) {
                // the pipe breaks when the child is killed: what was read so far is all there is
            } finally {
                lines.add(END);
            }
        }, "crash-test-child-stdout");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
