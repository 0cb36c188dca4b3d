package org.ibvadvisor.store.h2;

import org.ibvadvisor.conversation.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class H2ConversationStoreTest {
    private static final String META = """
            {"mode":"generated","citations":[{"n":1,"passageId":"ceo-2024#3"}],"warnings":[],"model":"qwen2.5:7b"}""";

    @TempDir
    Path directory;
    private ConversationLimits limits = ConversationLimits.defaults();
    private H2ConversationStore store;

    @BeforeEach
    void open() {
        store = new H2ConversationStore(directory, limits);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopenWith(ConversationLimits newLimits) {
        store.close();
        limits = newLimits;
        store = new H2ConversationStore(directory, limits);
    }

    @Test
    void a_conversation_reads_back_with_its_messages_in_append_order() {
        Conversation created = store.create(null);
        Message question = store.appendMessage(created.id(), Role.USER, "生成式 AI 的投资回报如何？😀", null);
        // A lone surrogate and a NUL: JSON escapes can produce both, and they must come back unchanged.
        Message answer = store.appendMessage(created.id(), Role.ASSISTANT, "回报率约为 13% [1]。\n\n- 第二点 \uD800 \0", META);

        ConversationWithMessages read = store.get(created.id()).orElseThrow();

        assertEquals(List.of(question, answer), read.messages());
        assertEquals(META, read.messages().get(1).metaJson());
        assertNull(read.messages().get(0).metaJson());
        assertEquals(2, read.conversation().messageCount());
        assertEquals(created.createdAt(), read.conversation().createdAt());
        assertEquals(answer.createdAt(), read.conversation().updatedAt());
        assertTrue(ConversationIds.isWellFormed(created.id()) && ConversationIds.isWellFormed(answer.id()));
    }

    @Test
    void the_first_question_titles_an_untitled_conversation_and_an_explicit_title_is_kept() {
        Conversation untitled = store.create("  ");
        Conversation controlCharacters = store.create("\u0000\u0007\t");
        Conversation titled = store.create("  Board\n briefing ");
        assertEquals("", untitled.title());
        assertEquals("", controlCharacters.title());
        assertEquals("Board briefing", titled.title());

        for (Conversation c : List.of(untitled, controlCharacters, titled)) {
            store.appendMessage(c.id(), Role.USER, "  CEO 们如何\n看待生成式 AI？ ", null);
            store.appendMessage(c.id(), Role.USER, "later question", null);
        }

        assertEquals("CEO 们如何 看待生成式 AI？", store.get(untitled.id()).orElseThrow().conversation().title());
        assertEquals("CEO 们如何 看待生成式 AI？", store.get(controlCharacters.id()).orElseThrow().conversation().title());
        assertEquals("Board briefing", store.get(titled.id()).orElseThrow().conversation().title());
    }

    @Test
    void an_answer_does_not_title_a_conversation() {
        Conversation c = store.create(null);
        store.appendMessage(c.id(), Role.ASSISTANT, "an answer first", null);
        store.appendMessage(c.id(), Role.USER, "the question", null);
        assertEquals("the question", store.get(c.id()).orElseThrow().conversation().title());
    }

    @Test
    void conversations_are_listed_most_recently_active_first_and_paged() {
        Conversation a = store.create("a");
        Conversation b = store.create("b");
        Conversation c = store.create("c");
        store.appendMessage(a.id(), Role.USER, "bring a to the top", null);

        assertEquals(List.of("a", "c", "b"), titles(store.list(10, 0)));
        assertEquals(List.of("c"), titles(store.list(1, 1)));
        assertEquals(List.of(), titles(store.list(10, 3)));
        assertEquals(List.of(), titles(store.list(0, 0)));
        assertThrows(IllegalArgumentException.class, () -> store.list(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> store.list(1, -1));
    }

    @Test
    void rename_changes_the_title_but_not_the_place_in_the_list() {
        Conversation a = store.create("a");
        store.create("b");

        Conversation renamed = store.rename(a.id(), " 新的\t标题 ");

        assertEquals("新的 标题", renamed.title());
        assertEquals(a.updatedAt(), renamed.updatedAt());
        assertEquals(List.of("b", "新的 标题"), titles(store.list(10, 0)));
        assertThrows(IllegalArgumentException.class, () -> store.rename(a.id(), " \n "));
        assertThrows(IllegalArgumentException.class, () -> store.rename(a.id(), "\u0000"));
        assertThrows(IllegalArgumentException.class, () -> store.rename(a.id(), "x".repeat(limits.maxTitleChars() + 1)));
    }

    @Test
    void delete_removes_the_conversation_its_messages_and_their_feedback_and_nothing_else() throws SQLException {
        Conversation doomed = store.create(null);
        store.appendMessage(doomed.id(), Role.USER, "q", null);
        Message doomedAnswer = store.appendMessage(doomed.id(), Role.ASSISTANT, "a", META);
        store.setFeedback(doomedAnswer.id(), Rating.UP, "good");
        Conversation kept = store.create(null);
        store.appendMessage(kept.id(), Role.USER, "q", null);
        Message keptAnswer = store.appendMessage(kept.id(), Role.ASSISTANT, "a", META);
        store.setFeedback(keptAnswer.id(), Rating.DOWN, null);

        store.delete(doomed.id());

        assertTrue(store.get(doomed.id()).isEmpty());
        assertThrows(ConversationNotFoundException.class, () -> store.delete(doomed.id()));
        assertThrows(MessageNotFoundException.class, () -> store.setFeedback(doomedAnswer.id(), Rating.UP, null));
        assertEquals(2, store.get(kept.id()).orElseThrow().messages().size());
        store.close();
        assertEquals(List.of(2L, 1L), rowCounts("SELECT COUNT(*) FROM message", "SELECT COUNT(*) FROM feedback"));
    }

    @Test
    void feedback_replaces_earlier_feedback_on_the_same_answer() {
        Conversation c = store.create(null);
        Message question = store.appendMessage(c.id(), Role.USER, "q", null);
        Message first = store.appendMessage(c.id(), Role.ASSISTANT, "first answer", META);
        store.appendMessage(c.id(), Role.USER, "q2", null);
        Message second = store.appendMessage(c.id(), Role.ASSISTANT, "second answer", META);

        store.setFeedback(first.id(), Rating.UP, "  cites the right report ");
        Feedback changed = store.setFeedback(first.id(), Rating.DOWN, null);
        store.setFeedback(second.id(), Rating.UP, "引用准确");

        ConversationWithMessages read = store.get(c.id()).orElseThrow();
        assertEquals(List.of(changed, read.feedbackFor(second.id()).orElseThrow()), read.feedback());
        assertEquals(Rating.DOWN, read.feedbackFor(first.id()).orElseThrow().rating());
        assertEquals("", read.feedbackFor(first.id()).orElseThrow().comment());
        assertEquals("引用准确", read.feedbackFor(second.id()).orElseThrow().comment());
        assertTrue(read.feedbackFor(question.id()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store.setFeedback(question.id(), Rating.UP, null));
        assertThrows(IllegalArgumentException.class,
                () -> store.setFeedback(first.id(), Rating.UP, "x".repeat(limits.maxCommentChars() + 1)));
        assertEquals(Rating.DOWN, store.get(c.id()).orElseThrow().feedbackFor(first.id()).orElseThrow().rating());
    }

    @Test
    void recent_messages_are_the_last_ones_oldest_first() {
        Conversation c = store.create(null);
        for (int i = 0; i < 6; i++) store.appendMessage(c.id(), i % 2 == 0 ? Role.USER : Role.ASSISTANT, "m" + i, null);

        assertEquals(List.of("m3", "m4", "m5"), contents(store.recentMessages(c.id(), 3)));
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5"), contents(store.recentMessages(c.id(), 100)));
        assertEquals(List.of(), contents(store.recentMessages(c.id(), 0)));
        assertEquals(List.of(), contents(store.recentMessages(store.create(null).id(), 4)));
        assertThrows(IllegalArgumentException.class, () -> store.recentMessages(c.id(), -1));
    }

    @Test
    void a_question_is_refused_when_its_answer_would_not_fit_but_an_answer_always_fits() {
        reopenWith(new ConversationLimits(200, 4, 1000, 1000, 100));
        Conversation c = store.create(null);
        store.appendMessage(c.id(), Role.USER, "q1", null);
        store.appendMessage(c.id(), Role.ASSISTANT, "a1", null);
        store.appendMessage(c.id(), Role.USER, "q2", null);

        ConversationFullException full = assertThrows(ConversationFullException.class,
                () -> store.appendMessage(c.id(), Role.USER, "q3 before a2", null));
        store.appendMessage(c.id(), Role.ASSISTANT, "a2", null);
        assertThrows(ConversationFullException.class, () -> store.appendMessage(c.id(), Role.USER, "q3", null));
        assertThrows(ConversationFullException.class, () -> store.appendMessage(c.id(), Role.ASSISTANT, "a3", null));

        assertEquals(c.id(), full.conversationId());
        assertEquals(List.of("q1", "a1", "q2", "a2"), contents(store.get(c.id()).orElseThrow().messages()));
        assertEquals(4, store.get(c.id()).orElseThrow().conversation().messageCount());
    }

    @Test
    void text_beyond_the_limits_is_refused_and_leaves_nothing_behind() {
        reopenWith(new ConversationLimits(10, 100, 50, 60, 100));
        Conversation c = store.create(null);

        List<Runnable> refused = List.of(
                () -> store.create("x".repeat(11)),
                () -> store.rename(c.id(), "x".repeat(11)),
                () -> store.appendMessage(c.id(), Role.USER, "x".repeat(51), null),
                () -> store.appendMessage(c.id(), Role.ASSISTANT, "ok", "x".repeat(61)));
        for (Runnable call : refused) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
            assertTrue(e.getMessage().contains("limit"), e.getMessage());
        }
        store.appendMessage(c.id(), Role.USER, "x".repeat(50), "y".repeat(60));

        assertEquals(List.of("x".repeat(50)), contents(store.get(c.id()).orElseThrow().messages()));
        assertEquals("xxxxxxxxx…", store.get(c.id()).orElseThrow().conversation().title());
        assertEquals(1, store.list(10, 0).size());
    }

    static Stream<Arguments> badIds() {
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty", ""),
                Arguments.of("too short", "abc"),
                Arguments.of("well-formed but unknown", ConversationIds.next()),
                Arguments.of("SQL", "' OR '1'='1' --xxxxxxxx"),
                Arguments.of("path", "../../../../etc/passwd"),
                Arguments.of("22 chars, not base64url", "aaaaaaaaaa/aaaaaaaaaa="),
                Arguments.of("22 chars with Chinese", "会话会话会话会话会话会话会话会话会话会话会话"),
                Arguments.of("too long", "A".repeat(1_000_000)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badIds")
    void an_unknown_or_malformed_id_is_not_found_never_another_error(String label, String id) {
        Conversation existing = store.create(null);
        store.appendMessage(existing.id(), Role.USER, "q", null);

        assertTrue(store.get(id).isEmpty());
        List<Consumer<String>> conversationCalls = List.of(
                store::delete,
                i -> store.rename(i, "title"),
                i -> store.appendMessage(i, Role.USER, "q", null),
                i -> store.recentMessages(i, 4));
        for (Consumer<String> call : conversationCalls) {
            ConversationNotFoundException e = assertThrows(ConversationNotFoundException.class, () -> call.accept(id));
            assertEquals(id, e.conversationId());
        }
        assertThrows(MessageNotFoundException.class, () -> store.setFeedback(id, Rating.UP, null));
        assertEquals(1, store.list(10, 0).size());
        assertEquals(1, store.get(existing.id()).orElseThrow().messages().size());
    }

    @Test
    void everything_survives_closing_and_reopening() {
        Conversation c = store.create(null);
        store.appendMessage(c.id(), Role.USER, "问题", null);
        Message answer = store.appendMessage(c.id(), Role.ASSISTANT, "回答 [1]", META);
        store.setFeedback(answer.id(), Rating.UP, "有用");
        store.rename(c.id(), "renamed");
        ConversationWithMessages before = store.get(c.id()).orElseThrow();

        store.close();
        store.close();
        assertThrows(IllegalStateException.class, () -> store.list(10, 0));
        store = new H2ConversationStore(directory, limits);

        assertEquals(before, store.get(c.id()).orElseThrow());
        assertEquals(List.of(before.conversation()), store.list(10, 0));
        assertTrue(store.databaseFile().toFile().isFile());
    }

    @Test
    void a_database_from_a_newer_program_is_refused_with_its_version_named() throws SQLException {
        store.close();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version (version) VALUES (99)");
        }

        ConversationStoreException e = assertThrows(ConversationStoreException.class,
                () -> new H2ConversationStore(directory, limits));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        store = new H2ConversationStore(directory.resolve("other"), limits);
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve(H2ConversationStore.DATABASE_NAME);
    }

    private List<Long> rowCounts(String... queries) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "");
             Statement statement = connection.createStatement()) {
            List<Long> counts = new java.util.ArrayList<>();
            for (String query : queries) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    rows.next();
                    counts.add(rows.getLong(1));
                }
            }
            return counts;
        } finally {
            store = new H2ConversationStore(directory, limits);
        }
    }

    private static List<String> titles(List<Conversation> conversations) {
        return conversations.stream().map(Conversation::title).toList();
    }

    private static List<String> contents(List<Message> messages) {
        return messages.stream().map(Message::content).toList();
    }
}
