package org.ibvadvisor.answer.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ibvadvisor.answer.Caller;
import org.ibvadvisor.answer.Turn;
import org.ibvadvisor.conversation.ConversationStore;

/**
 * Which stored conversation a question continues when its client sends the whole conversation with every question
 * (as OpenAI clients do; without this, each follow-up would store a new copy of it): the stored one when this
 * advisor sent the last reply, remembered until a restart ({@link RepliedTurns}), else a new one stored from the
 * earlier messages (the last {@value #MAX_HISTORY_TURNS} that are not blank, each cut to
 * {@value #MAX_HISTORY_CHARS} characters), {@linkplain ConversationStore#appendClientMessage flagged as the client's}.
 * Each caller continues only its own conversations: what another caller was answered is neither found nor taken, and
 * the stored conversation is looked up and made in the caller's own store ({@link ConversationStore#forOwner}).
 * Thread-safe.
 */
public final class ContinuedConversations {
    static final int MAX_HISTORY_TURNS = 20;
    static final int MAX_HISTORY_CHARS = 20_000;

    private final ConversationStore store;
    private final RepliedTurns replied;

    /** @param capacity how many answered conversations to remember for follow-ups */
    public ContinuedConversations(ConversationStore store, int capacity) {
        this.store = Objects.requireNonNull(store, "store");
        this.replied = new RepliedTurns(capacity);
    }

    /**
     * The conversation of {@code caller} a question continues whose client sent {@code earlier} before it (oldest
     * first), or {@code null} for a question without earlier messages (it starts a new conversation).
     */
    public String continued(Caller caller, List<Turn> earlier) {
        if (earlier.isEmpty()) return null;
        ConversationStore own = store.forOwner(caller.id());
        String remembered = replied.take(caller, earlier);
        if (remembered != null && own.get(remembered).isPresent()) return remembered; // not deleted since
        String id = own.create(null).id();
        for (Turn turn : history(earlier)) own.appendClientMessage(id, turn.role(), turn.text());
        return id;
    }

    /**
     * Remembers that {@code asked} (the client's messages, the question last) and {@code reply} are conversation
     * {@code id} of {@code caller}.
     */
    public void answered(Caller caller, List<Turn> asked, String reply, String id) {
        List<Turn> sent = new ArrayList<>(asked);
        sent.add(Turn.assistant(reply));
        replied.remember(caller, sent, id);
    }

    private static List<Turn> history(List<Turn> earlier) {
        List<Turn> history = earlier.stream()
                .filter(turn -> !turn.text().isBlank())
                .map(turn -> turn.text().length() <= MAX_HISTORY_CHARS ? turn
                        : new Turn(turn.role(), turn.text().substring(0, MAX_HISTORY_CHARS), null))
                .toList();
        return history.subList(Math.max(0, history.size() - MAX_HISTORY_TURNS), history.size());
    }
}
