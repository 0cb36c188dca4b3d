package org.ibvadvisor.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Conversations kept in memory, with ids like the real store's (22 URL-safe characters). */
final class FakeConversations implements Conversations {
    private final Map<String, Summary> conversations = new LinkedHashMap<>();
    private final Map<String, List<Message>> messages = new LinkedHashMap<>();
    private final Map<String, Feedback> feedback = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private Instant clock = Instant.parse("2026-01-02T03:04:05Z");

    synchronized String create(String title) {
        String id = nextId("c");
        Instant now = tick();
        conversations.put(id, new Summary(id, title == null ? "" : title, now, now, 0));
        messages.put(id, new ArrayList<>());
        return id;
    }

    synchronized Message append(String conversationId, Role role, String content, String metaJson) {
        Summary summary = conversations.get(conversationId);
        if (summary == null) throw new IllegalStateException("no conversation " + conversationId);
        Instant now = tick();
        Message message = new Message(nextId("m"), role, content, now, metaJson, null);
        messages.get(conversationId).add(message);
        String title = summary.title().isEmpty() && role == Role.USER ? content.substring(0, Math.min(20, content.length())) : summary.title();
        conversations.put(conversationId, new Summary(conversationId, title, summary.createdAt(), now, summary.messageCount() + 1));
        return message;
    }

    synchronized Optional<Feedback> feedbackOn(String messageId) {
        return Optional.ofNullable(feedback.get(messageId));
    }

    @Override
    public synchronized List<Summary> list(int limit, int offset) {
        return conversations.values().stream()
                .sorted(Comparator.comparing(Summary::updatedAt).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Detail> get(String conversationId) {
        Summary summary = conversations.get(conversationId);
        if (summary == null) return Optional.empty();
        List<Message> withFeedback = messages.get(conversationId).stream()
                .map(m -> new Message(m.id(), m.role(), m.content(), m.createdAt(), m.metaJson(), feedback.get(m.id())))
                .toList();
        return Optional.of(new Detail(summary, withFeedback));
    }

    @Override
    public synchronized Optional<Summary> rename(String conversationId, String title) {
        Summary summary = conversations.get(conversationId);
        if (summary == null) return Optional.empty();
        Summary renamed = new Summary(conversationId, title, summary.createdAt(), summary.updatedAt(), summary.messageCount());
        conversations.put(conversationId, renamed);
        return Optional.of(renamed);
    }

    @Override
    public synchronized boolean delete(String conversationId) {
        messages.remove(conversationId);
        return conversations.remove(conversationId) != null;
    }

    @Override
    public synchronized boolean setFeedback(String messageId, Rating rating, String comment) {
        Message message = messages.values().stream().flatMap(List::stream)
                .filter(m -> m.id().equals(messageId)).findFirst().orElse(null);
        if (message == null) return false;
        if (message.role() != Role.ASSISTANT) throw new IllegalArgumentException("message " + messageId + " is a question, not an answer");
        feedback.put(messageId, new Feedback(rating, comment));
        return true;
    }

    @Override
    public synchronized String startWith(List<Turn> history) {
        String id = create(null);
        history.forEach(turn -> append(id, turn.role(), turn.content(), null));
        return id;
    }

    private String nextId(String prefix) {
        String number = Integer.toString(ids.incrementAndGet());
        return prefix + "0".repeat(21 - number.length()) + number;
    }

    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }
}
