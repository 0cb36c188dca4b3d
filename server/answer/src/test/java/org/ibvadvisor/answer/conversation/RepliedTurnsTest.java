package org.ibvadvisor.answer.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.ibvadvisor.answer.Caller;
import org.ibvadvisor.answer.Turn;
import org.junit.jupiter.api.Test;

class RepliedTurnsTest {
    private static final Caller ANA = new Caller("ana");
    private static final List<Turn> TURNS = List.of(Turn.user("问题一", null), Turn.assistant("回答一 [1]"));

    @Test
    void the_turns_of_an_answered_conversation_lead_back_to_it_once() {
        RepliedTurns continued = new RepliedTurns(10);
        continued.remember(ANA, TURNS, "c1");
        assertEquals("c1", continued.take(ANA, List.of(Turn.user(" 问题一\n", null), Turn.assistant("回答一 [1]\n"))),
                "surrounding whitespace does not matter");
        assertNull(continued.take(ANA, TURNS), "taken: a second client with the same messages starts its own");
    }

    @Test
    void other_turns_roles_or_no_turns_find_nothing() {
        RepliedTurns continued = new RepliedTurns(10);
        continued.remember(ANA, TURNS, "c1");
        assertNull(continued.take(ANA, List.of(Turn.user("问题一", null), Turn.assistant("另一个回答"))));
        assertNull(continued.take(ANA, List.of(Turn.user("问题一", null), Turn.user("回答一 [1]", null))));
        assertNull(continued.take(ANA, List.of()));
        assertEquals("c1", continued.take(ANA, TURNS));
    }

    @Test
    void the_least_recently_answered_conversation_is_forgotten_beyond_capacity() {
        RepliedTurns continued = new RepliedTurns(2);
        for (int i = 1; i <= 3; i++) continued.remember(ANA, List.of(Turn.user("q" + i, null)), "c" + i);
        assertNull(continued.take(ANA, List.of(Turn.user("q1", null))));
        assertEquals("c2", continued.take(ANA, List.of(Turn.user("q2", null))));
        assertEquals("c3", continued.take(ANA, List.of(Turn.user("q3", null))));
    }

    @Test
    void another_caller_sending_the_same_turns_neither_finds_nor_takes_the_conversation() {
        RepliedTurns continued = new RepliedTurns(10);
        continued.remember(ANA, TURNS, "c1");
        assertNull(continued.take(new Caller("bo"), TURNS));
        assertNull(continued.take(Caller.LOCAL, TURNS));
        assertEquals("c1", continued.take(ANA, TURNS), "still there for its caller");
    }
}
