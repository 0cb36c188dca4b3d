package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.ibvadvisor.http.Conversations.Role;
import org.ibvadvisor.http.Conversations.Turn;
import org.junit.jupiter.api.Test;

class ContinuedConversationsTest {
    private static final List<Turn> TURNS = List.of(new Turn(Role.USER, "问题一"), new Turn(Role.ASSISTANT, "回答一 [1]"));

    @Test
    void the_turns_of_an_answered_conversation_lead_back_to_it_once() {
        ContinuedConversations continued = new ContinuedConversations(10);
        continued.remember(TURNS, "c1");
        assertEquals("c1", continued.take(List.of(new Turn(Role.USER, " 问题一\n"), new Turn(Role.ASSISTANT, "回答一 [1]\n"))),
                "surrounding whitespace does not matter");
        assertNull(continued.take(TURNS), "taken: a second client with the same messages starts its own");
    }

    @Test
    void other_turns_roles_or_no_turns_find_nothing() {
        ContinuedConversations continued = new ContinuedConversations(10);
        continued.remember(TURNS, "c1");
        assertNull(continued.take(List.of(new Turn(Role.USER, "问题一"), new Turn(Role.ASSISTANT, "另一个回答"))));
        assertNull(continued.take(List.of(new Turn(Role.USER, "问题一"), new Turn(Role.USER, "回答一 [1]"))));
        assertNull(continued.take(List.of()));
        assertEquals("c1", continued.take(TURNS));
    }

    @Test
    void the_least_recently_answered_conversation_is_forgotten_beyond_capacity() {
        ContinuedConversations continued = new ContinuedConversations(2);
        for (int i = 1; i <= 3; i++) continued.remember(List.of(new Turn(Role.USER, "q" + i)), "c" + i);
        assertNull(continued.take(List.of(new Turn(Role.USER, "q1"))));
        assertEquals("c2", continued.take(List.of(new Turn(Role.USER, "q2"))));
        assertEquals("c3", continued.take(List.of(new Turn(Role.USER, "q3"))));
    }
}
