package org.ibvadvisor.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.answer.Answerer;
import org.ibvadvisor.answer.AnswererBusyException;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.json.AnswerJson;
import org.ibvadvisor.conversation.ConversationStore;
import org.ibvadvisor.conversation.Role;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;

/**
 * An answerer that behaves like the real pipeline on the outside: retrieves, reports the passages, streams the
 * scripted tokens, stores question and answer in the conversations, and returns the answer citing passage 1.
 * What it does can be switched per test.
 */
final class FakeAnswerer implements Answerer {
    enum Behaviour { ANSWER, BUSY, FAIL_AFTER_PASSAGES, FAIL_UNEXPECTEDLY_AFTER_PASSAGES, SILENT_UNTIL_CANCELLED, TOKENS_UNTIL_CANCELLED, SLOW_TOKENS }

    static final List<String> TOKENS = List.of("据报告，", "78%的高管", "将扩大投资", " [1]。");

    /** A collaborator's own exception, mapped to 409 through {@link ErrorStatus}. */
    static final class ConversationFull extends RuntimeException {
        ConversationFull(String message) {
            super(message);
        }
    }

    private final Retriever retriever;
    private final ConversationStore conversations;
    final List<Question> questions = new CopyOnWriteArrayList<>();
    volatile Behaviour behaviour = Behaviour.ANSWER;
    volatile CountDownLatch cancelSeen = new CountDownLatch(1);
    volatile CountDownLatch streaming = new CountDownLatch(1);

    FakeAnswerer(Retriever retriever, ConversationStore conversations) {
        this.retriever = retriever;
        this.conversations = conversations;
    }

    @Override
    public Answer answer(Question question, AnswerListener listener) {
        questions.add(question);
        if (behaviour == Behaviour.BUSY) throw new AnswererBusyException("all 2 answer slots are busy", 7);
        List<Passage> passages = retriever.retrieve(new RetrievalRequest(question.text(), 3, question.reports())).passages();
        ConversationStore conversations = this.conversations.forOwner(question.caller().id()); // as the real one does
        String conversationId = question.conversationId() != null ? question.conversationId() : conversations.create(null).id();
        conversations.appendMessage(conversationId, Role.USER, question.text(), null);
        listener.passages(conversationId, passages);
        switch (behaviour) {
            case FAIL_AFTER_PASSAGES -> throw new ConversationFull("conversation " + conversationId + " is full: start a new one");
            case FAIL_UNEXPECTEDLY_AFTER_PASSAGES -> throw new NullPointerException("secret internal detail");
            case SILENT_UNTIL_CANCELLED, TOKENS_UNTIL_CANCELLED -> {
                waitUntilCancelled(listener, behaviour == Behaviour.TOKENS_UNTIL_CANCELLED);
                return null;
            }
            default -> { }
        }
        StringBuilder text = new StringBuilder();
        if (behaviour == Behaviour.SLOW_TOKENS) streaming.countDown();
        for (String token : TOKENS) {
            listener.token(token);
            text.append(token);
            if (behaviour == Behaviour.SLOW_TOKENS) pause(400); // a slow GPU: the whole answer takes 1.6 s
        }
        Passage cited = passages.getFirst();
        Citation citation = new Citation(1, cited.id(), cited.reportId(), cited.reportTitle(), cited.sectionPath(),
                cited.text(), cited.start(), cited.end());
        Answer draft = new Answer.Generated(conversationId, null, text.toString(), List.of(citation),
                List.of("unverified figure: 2025"), "qwen2.5:7b", new Answer.Timings(2.0, 15.0, 40.0));
        String metaJson = AnswerJson.write(draft).toString();
        String messageId = conversations.appendMessage(conversationId, Role.ASSISTANT, text.toString(), metaJson).id();
        return draft.kept(conversationId, messageId, draft.warnings());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitUntilCancelled(AnswerListener listener, boolean withTokens) {
        streaming.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (listener.cancelled()) {
                cancelSeen.countDown();
                return;
            }
            if (withTokens) listener.token("……");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
