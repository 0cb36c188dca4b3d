package org.ibvadvisor.answer.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.retrieval.Passage;

/**
 * An {@link AnswerListener} that records what it hears, in order, with the thread it heard it on; it can be told
 * to report the asker gone (cancelled) once a condition on the tokens so far holds.
 */
public final class RecordingListener implements AnswerListener {

    /** One event: {@code passages} or {@code token}, its text, and the thread. */
    public record Event(String kind, String text, String thread) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Passage> passages = new CopyOnWriteArrayList<>();
    private volatile String conversationId;
    private volatile Predicate<String> cancelWhen = tokens -> false;

    /** Reports the asker gone once the text streamed so far satisfies {@code condition}. */
    public RecordingListener cancelWhen(Predicate<String> condition) {
        this.cancelWhen = condition;
        return this;
    }

    @Override
    public void passages(String conversationId, List<Passage> passages) {
        this.conversationId = conversationId;
        this.passages.addAll(passages);
        events.add(new Event("passages", String.valueOf(passages.size()), Thread.currentThread().getName()));
    }

    @Override
    public void token(String text) {
        events.add(new Event("token", text, Thread.currentThread().getName()));
    }

    @Override
    public boolean cancelled() {
        return cancelWhen.test(streamed());
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> kinds() {
        return events.stream().map(Event::kind).toList();
    }

    public List<Passage> passages() {
        return List.copyOf(passages);
    }

    public String conversationId() {
        return conversationId;
    }

    /** The token texts joined. */
    public String streamed() {
        StringBuilder text = new StringBuilder();
        for (Event e : new ArrayList<>(events)) {
            if (e.kind().equals("token")) {
                text.append(e.text());
            }
        }
        return text.toString();
    }
}
