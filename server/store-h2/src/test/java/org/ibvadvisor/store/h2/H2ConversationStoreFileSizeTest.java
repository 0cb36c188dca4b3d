package org.ibvadvisor.store.h2;

import org.ibvadvisor.conversation.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ConversationStoreFileSizeTest {
    private static final int MESSAGES = 1_500;
    private static final int MESSAGE_CHARS = 4_000;

    @TempDir
    Path directory;

    /** Without compaction every synchronous commit leaves a partly dead chunk: about 40 KB of file per message. */
    @Test
    void the_database_file_stays_near_the_size_of_its_data_while_messages_are_appended() throws Exception {
        long payload = (long) MESSAGES * MESSAGE_CHARS;
        long largest = 0;
        try (H2ConversationStore store = new H2ConversationStore(directory, ConversationLimits.defaults())) {
            String conversationId = null;
            for (int i = 0; i < MESSAGES; i++) {
                if (i % 100 == 0) conversationId = store.create(null).id();
                Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
                store.appendMessage(conversationId, role, (char) ('a' + i % 26) + "x".repeat(MESSAGE_CHARS - 1), null);
                if (i % 50 == 49) largest = Math.max(largest, Files.size(store.databaseFile()));
            }
            assertEquals(MESSAGES / 100, store.list(100, 0).size());
        }
        System.out.printf("payload %.1f MB, largest file while appending %.1f MB%n", payload / 1e6, largest / 1e6);
        assertTrue(largest < 5 * payload, "file grew to " + largest + " bytes for " + payload + " bytes of messages");
    }
}
