package org.ibvadvisor.answer.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ibvadvisor.answer.Caller;
import org.ibvadvisor.answer.Turn;
import org.ibvadvisor.conversation.ConversationLimits;
import org.ibvadvisor.conversation.Message;
import org.ibvadvisor.conversation.Rating;
import org.ibvadvisor.store.h2.H2ConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /v1 continuation on a real H2 store: stored from the client's messages, flagged, and each caller's own. */
class ContinuedConversationsTest {
    private static final Caller ANA = new Caller("ana");
    private static final Caller BO = new Caller("bo");
    private static final List<Turn> EARLIER = List.of(Turn.user("第一问？", null), Turn.assistant("回答 [1]"));

    @TempDir
    Path directory;

    private H2ConversationStore store;

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    private ContinuedConversations continued() {
        store = new H2ConversationStore(directory, ConversationLimits.defaults());
        return new ContinuedConversations(store, 100);
    }

    @Test
    void a_conversation_stored_from_the_clients_messages_is_the_callers_and_flagged_as_the_clients() {
        ContinuedConversations continued = continued();

        String id = continued.continued(ANA, EARLIER);

        List<Message> messages = store.forOwner("ana").get(id).orElseThrow().messages();
        assertEquals(List.of("第一问？", "回答 [1]"), messages.stream().map(Message::content).toList());
        assertTrue(messages.stream().allMatch(Message::clientSupplied));
        assertFalse(messages.getLast().advisorAnswer(), "an assistant turn the client sent is not the advisor's answer");
        assertTrue(store.get(id).isEmpty(), "not the local user's");
        assertThrows(IllegalArgumentException.class,
                () -> store.forOwner("ana").setFeedback(messages.getLast().id(), Rating.UP, null),
                "no feedback on what the advisor did not say");
    }

    @Test
    void a_follow_up_continues_the_callers_answered_conversation_and_never_another_callers() {
        ContinuedConversations continued = continued();
        String anas = store.forOwner("ana").create(null).id();
        List<Turn> asked = List.of(Turn.user("第一问？", null));
        continued.answered(ANA, asked, "回答 [1]", anas);

        String bos = continued.continued(BO, EARLIER);
        assertNotEquals(anas, bos, "bo sending ana's very turns gets a conversation of his own");
        assertTrue(store.forOwner("bo").get(anas).isEmpty());
        assertEquals(anas, continued.continued(ANA, EARLIER), "and did not take ana's follow-up from her");
        assertNull(continued.continued(ANA, List.of()));
    }
}
