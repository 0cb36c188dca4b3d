package org.ibvadvisor.store.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.ibvadvisor.conversation.Conversation;
import org.ibvadvisor.conversation.ConversationLimits;
import org.ibvadvisor.conversation.ConversationNotFoundException;
import org.ibvadvisor.conversation.Message;
import org.ibvadvisor.conversation.MessageNotFoundException;
import org.ibvadvisor.conversation.Rating;
import org.ibvadvisor.conversation.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every conversation has an owner: another owner's is not found, whatever is asked of it, and lists omit it. */
class OwnersTest {
    @TempDir
    Path directory;

    @Test
    void another_owners_conversation_messages_and_feedback_are_not_found() {
        try (H2ConversationStore store = new H2ConversationStore(directory, ConversationLimits.defaults())) {
            H2ConversationStore ana = store.forOwner("ana");
            H2ConversationStore bo = store.forOwner("bo");
            Conversation mine = ana.create(null);
            ana.appendMessage(mine.id(), Role.USER, "问题？", null);
            Message answer = ana.appendMessage(mine.id(), Role.ASSISTANT, "回答。", "{}");

            assertEquals(List.of(), bo.list(10, 0));
            assertEquals(List.of(), store.list(10, 0), "nor the local user's list");
            assertTrue(bo.get(mine.id()).isEmpty());
            assertThrows(ConversationNotFoundException.class, () -> bo.rename(mine.id(), "mine now"));
            assertThrows(ConversationNotFoundException.class, () -> bo.delete(mine.id()));
            assertThrows(ConversationNotFoundException.class, () -> bo.appendMessage(mine.id(), Role.USER, "接着？", null));
            assertThrows(ConversationNotFoundException.class, () -> bo.recentMessages(mine.id(), 6));
            assertThrows(MessageNotFoundException.class, () -> bo.setFeedback(answer.id(), Rating.DOWN, "x"));

            assertEquals(1, ana.list(10, 0).size());
            assertEquals(2, ana.get(mine.id()).orElseThrow().messages().size(), "untouched by bo's attempts");
            assertEquals("问题？", ana.get(mine.id()).orElseThrow().conversation().title(), "not renamed by bo");
            ana.setFeedback(answer.id(), Rating.UP, null);
            ana.delete(mine.id());
            assertTrue(ana.get(mine.id()).isEmpty());
            assertSame(ana, ana.forOwner("ana"));
            assertEquals("local", store.owner());
            assertThrows(IllegalArgumentException.class, () -> store.forOwner(" "));
        }
    }

    @Test
    void conversations_stored_before_owners_existed_become_the_local_users() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve(H2ConversationStore.DATABASE_NAME);
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE schema_version (version INT NOT NULL)");
            sql.execute("""
                    CREATE TABLE conversation (id CHAR(22) PRIMARY KEY, seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                        title CHARACTER VARYING, created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
                        updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, message_count INT NOT NULL DEFAULT 0)""");
            sql.execute("""
                    CREATE TABLE message (id CHAR(22) PRIMARY KEY, seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                        conversation_id CHAR(22) NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
                        role VARCHAR(9) NOT NULL, content CHARACTER VARYING NOT NULL, meta_json CHARACTER VARYING,
                        created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)""");
            sql.execute("""
                    CREATE TABLE feedback (message_id CHAR(22) PRIMARY KEY REFERENCES message (id) ON DELETE CASCADE,
                        rating VARCHAR(4) NOT NULL, comment CHARACTER VARYING NOT NULL,
                        created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)""");
            sql.execute("INSERT INTO schema_version VALUES (1)");
            sql.execute("INSERT INTO conversation (id, title, created_at, updated_at, message_count) VALUES "
                    + "('AAAAAAAAAAAAAAAAAAAAAA', '旧的', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
            sql.execute("INSERT INTO message (id, conversation_id, role, content, created_at) VALUES "
                    + "('BBBBBBBBBBBBBBBBBBBBBB', 'AAAAAAAAAAAAAAAAAAAAAA', 'USER', '旧问题', CURRENT_TIMESTAMP)");
        }
        try (H2ConversationStore store = new H2ConversationStore(directory, ConversationLimits.defaults())) {
            assertEquals(List.of("AAAAAAAAAAAAAAAAAAAAAA"), store.list(10, 0).stream().map(Conversation::id).toList());
            assertEquals("旧问题", store.get("AAAAAAAAAAAAAAAAAAAAAA").orElseThrow().messages().getFirst().content());
            assertEquals(List.of(), store.forOwner("ana").list(10, 0));
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            assertEquals(2, rows.getInt(1), "the migration is recorded");
        }
    }
}
